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
            return new Run(paths.dir(), paths.shared(), true);
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
            return paths == null ? null : new Run(paths.dir(), paths.shared(), false);
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

    /** One transfer: {@code files} is the data directory read or written, {@code shared} the replicas' one. */
    private record Run(Path files, Path shared, boolean intoDatabase) implements CommandLineTool.Invocation {

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
            String command = intoDatabase ? "migrate-store" : "export-store";
            try {
                StoreTransfer transfer = beans.getBean(StoreTransfer.class);
                StoreTransfer.Report report;
                if (intoDatabase) {
                    if (migrateReferenceData(files).totals().errors() > 0) {
                        err.println(command + ": the reference migration of the directory found errors; run "
                                + "'migrate --data-dir " + files + "' to see them");
                        return 1;
                    }
                    report = transfer.importFrom(new DataDirectory(files));
                    copyExports(files, shared);
                } else {
                    StoreHealth health = new StoreHealth(files, java.time.Clock.systemUTC());
                    DataDirectory directory = new DataDirectory(files, health);
                    report = transfer.exportTo(directory, new AtomicFileWriter(health, Fsync.SYSTEM, directory));
                    copyExports(shared, files);
                }
                out.println(toJson(report));
                return report.errors().isEmpty() ? 0 : 1;
            } catch (GovflowException e) {
                err.println(command + " failed: " + e.code() + " " + e.clientMessage());
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
