package io.govflow.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.BeanFactory;

import io.govflow.error.GovflowException;
import io.govflow.flow.migration.MigrationReport;
import io.govflow.flow.migration.ReferenceMigration;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code migrate --data-dir DIR [--dry-run]}: the migration of a reference data directory, as the service does it
 * at start-up, with the report as JSON on stdout. Safe beside a running service (same locks). Exit status 0 when
 * no error was found, 1 otherwise, 2 for bad usage.
 */
final class MigrateCommand implements CommandLineTool {

    static final String USAGE = "usage: migrate --data-dir DIR [--dry-run]";

    @Override
    public String usage() {
        return USAGE;
    }

    @Override
    public @Nullable Invocation parse(List<String> options, PrintStream err) {
        Path dataDir = null;
        boolean dryRun = false;
        for (int i = 0; i < options.size(); i++) {
            switch (options.get(i)) {
                case "--data-dir" -> dataDir = i + 1 < options.size() ? Path.of(options.get(++i)) : null;
                case "--dry-run" -> dryRun = true;
                default -> {
                    err.println(USAGE);
                    return null;
                }
            }
        }
        if (dataDir == null || !Files.isDirectory(dataDir)) {
            err.println(dataDir == null ? USAGE : "not a directory: " + dataDir);
            return null;
        }
        return new Migration(dataDir, dryRun);
    }

    private record Migration(Path dataDir, boolean dryRun) implements Invocation {

        @Override
        public int run(BeanFactory beans, PrintStream out, PrintStream err) {
            try {
                MigrationReport report = beans.getBean(ReferenceMigration.class).migrate(dryRun);
                out.println(toJson(report));
                return report.totals().errors() == 0 ? 0 : 1;
            } catch (GovflowException e) {
                err.println("migration failed: " + e.code() + " " + e.clientMessage());
                return 1;
            }
        }
    }

    private static String toJson(MigrationReport report) {
        JsonMapper mapper = JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(SerializationFeature.INDENT_OUTPUT).build();
        return mapper.writeValueAsString(report);
    }
}
