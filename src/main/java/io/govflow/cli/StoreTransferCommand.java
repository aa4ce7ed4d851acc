package io.govflow.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.context.ConfigurableApplicationContext;

import io.govflow.error.GovflowException;
import io.govflow.flow.migration.MigrationReport;
import io.govflow.flow.migration.ReferenceMigration;
import io.govflow.store.io.AtomicFileWriter;
import io.govflow.store.io.DataDirectory;
import io.govflow.store.io.Fsync;
import io.govflow.store.io.StoreHealth;
import io.govflow.store.postgres.StoreTransfer;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code migrate-store} and {@code export-store}: a data directory into the PostgreSQL store and back, with the
 * database given by the usual settings ({@code --spring.datasource.url=…} etc., or their environment variables).
 * The report is JSON on stdout; exit status 0 when everything was copied, 1 otherwise, 2 for bad usage.
 */
final class StoreTransferCommand {

    private static final String POSTGRES = "--govflow.store.kind=postgres";

    private StoreTransferCommand() {
    }

    /** {@code migrate-store --from-data-dir DIR [--data-dir SHARED]}. */
    static final class Import implements CommandLineTool {

        static final String USAGE = "usage: migrate-store --from-data-dir DIR [--data-dir SHARED]";

        @Override
        public String usage() {
            return USAGE;
        }

        @Override
        public @Nullable Invocation parse(List<String> options, PrintStream err) {
            Paths paths = Paths.parse(options, "--from-data-dir", USAGE, err);
            if (paths == null) {
                return null;
            }
            if (!Files.isDirectory(paths.dir())) {
                err.println("not a directory: " + paths.dir());
                return null;
            }
            return new ImportRun(paths.dir(), paths.shared());
        }
    }

    /** {@code export-store --to-data-dir DIR [--data-dir SHARED]}. */
    static final class Export implements CommandLineTool {

        static final String USAGE = "usage: export-store --to-data-dir DIR [--data-dir SHARED]";

        @Override
        public String usage() {
            return USAGE;
        }

        @Override
        public @Nullable Invocation parse(List<String> options, PrintStream err) {
            Paths paths = Paths.parse(options, "--to-data-dir", USAGE, err);
            return paths == null ? null : new ExportRun(paths.dir(), paths.shared());
        }
    }

    /** The directory of the files, and the data directory the database's replicas share (exports). */
    private record Paths(Path dir, Path shared) {

        static @Nullable Paths parse(List<String> options, String dirOption, String usage, PrintStream err) {
            Path dir = null;
            Path shared = null;
            for (int i = 0; i < options.size(); i++) {
                String option = options.get(i);
                boolean hasValue = i + 1 < options.size();
                if (option.equals(dirOption) && hasValue) {
                    dir = Path.of(options.get(++i));
                } else if (option.equals("--data-dir") && hasValue) {
                    shared = Path.of(options.get(++i));
                } else {
                    err.println(usage);
                    return null;
                }
            }
            if (dir == null) {
                err.println(usage);
                return null;
            }
            return new Paths(dir, shared == null ? dir : shared);
        }
    }

    private record ImportRun(Path source, Path shared) implements CommandLineTool.Invocation {

        @Override
        public Path dataDir() {
            return shared;
        }

        @Override
        public List<String> settings() {
            return List.of(POSTGRES);
        }

        @Override
        public int run(BeanFactory beans, PrintStream out, PrintStream err) {
            try {
                MigrationReport migration = migrateReferenceData(source);
                if (migration.totals().errors() > 0) {
                    err.println("migrate-store: the reference migration of the directory found errors; run "
                            + "'migrate --data-dir " + source + "' to see them");
                    return 1;
                }
                StoreTransfer.Report report = beans.getBean(StoreTransfer.class).importFrom(new DataDirectory(source));
                copyExports(source, shared);
                out.println(toJson(report));
                return report.errors().isEmpty() ? 0 : 1;
            } catch (GovflowException e) {
                err.println("migrate-store failed: " + e.code() + " " + e.clientMessage());
                return 1;
            }
        }
    }

    private record ExportRun(Path target, Path shared) implements CommandLineTool.Invocation {

        @Override
        public Path dataDir() {
            return shared;
        }

        @Override
        public List<String> settings() {
            return List.of(POSTGRES);
        }

        @Override
        public int run(BeanFactory beans, PrintStream out, PrintStream err) {
            try {
                StoreHealth health = new StoreHealth(target, java.time.Clock.systemUTC());
                DataDirectory directory = new DataDirectory(target, health);
                AtomicFileWriter writer = new AtomicFileWriter(health, Fsync.SYSTEM, directory);
                StoreTransfer.Report report = beans.getBean(StoreTransfer.class).exportTo(directory, writer);
                copyExports(shared, target);
                out.println(toJson(report));
                return 0;
            } catch (GovflowException e) {
                err.println("export-store failed: " + e.code() + " " + e.clientMessage());
                return 1;
            }
        }
    }

    /** A reference directory is brought into Govflow's layout first, as the file-store service does at start-up. */
    private static MigrationReport migrateReferenceData(Path source) {
        try (ConfigurableApplicationContext files = ToolContext.start(source, List.of("--govflow.store.kind=file"))) {
            return files.getBean(ReferenceMigration.class).migrate(false);
        }
    }

    /** Exports are files in the shared data directory: copied along when the two directories differ. */
    private static void copyExports(Path from, Path to) {
        Path source = new DataDirectory(from).exportsDir();
        Path target = new DataDirectory(to).exportsDir();
        if (source.toAbsolutePath().normalize().equals(target.toAbsolutePath().normalize())
                || !Files.isDirectory(source)) {
            return;
        }
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else if (Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("copying exports", e);
        }
    }

    private static String toJson(StoreTransfer.Report report) {
        JsonMapper mapper = JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(SerializationFeature.INDENT_OUTPUT).build();
        return mapper.writeValueAsString(report);
    }
}
