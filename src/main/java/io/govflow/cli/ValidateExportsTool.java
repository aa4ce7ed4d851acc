package io.govflow.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.BeanFactory;

import io.govflow.error.GovflowException;
import io.govflow.store.check.Problem;
import io.govflow.store.export.ExportFileReport;
import io.govflow.store.export.ExportValidationReport;
import io.govflow.store.export.ExportValidator;
import io.govflow.store.io.StoreJson;
import io.govflow.store.io.Timestamps;

import tools.jackson.databind.PropertyNamingStrategies;

/**
 * {@code validate-exports --data-dir DIR [--file NAME] [--json]}: the export validator over {@code history/} and
 * {@code exports/} of a data directory (read-only). Exit status 0 when no file has an error, 1 when one has,
 * 2 for a usage error.
 */
final class ValidateExportsTool implements CommandLineTool {

    static final int OK = 0;
    static final int INVALID = 1;
    static final int USAGE = 2;
    private static final String USAGE_TEXT = "usage: validate-exports --data-dir DIR [--file NAME] [--json]";

    @Override
    public String usage() {
        return USAGE_TEXT;
    }

    @Override
    public @Nullable Invocation parse(List<String> options, PrintStream err) {
        Validation parsed = Validation.parse(options);
        if (parsed == null) {
            err.println(USAGE_TEXT);
            return null;
        }
        if (!Files.isDirectory(parsed.dataDir())) {
            err.println("validate-exports: not a directory: " + parsed.dataDir());
            return null;
        }
        return parsed;
    }

    /** Parsed arguments. */
    private record Validation(Path dataDir, @Nullable String file, boolean json) implements Invocation {

        /** Null on anything unknown or missing. */
        static @Nullable Validation parse(List<String> args) {
            Path dataDir = null;
            String file = null;
            boolean json = false;
            for (int k = 0; k < args.size(); k++) {
                switch (args.get(k)) {
                    case "--data-dir" -> {
                        if (++k >= args.size()) {
                            return null;
                        }
                        dataDir = Path.of(args.get(k));
                    }
                    case "--file" -> {
                        if (++k >= args.size()) {
                            return null;
                        }
                        file = args.get(k);
                    }
                    case "--json" -> json = true;
                    default -> {
                        return null;
                    }
                }
            }
            return dataDir == null ? null : new Validation(dataDir, file, json);
        }

        @Override
        public int run(BeanFactory beans, PrintStream out, PrintStream err) {
            ExportValidator validator = beans.getBean(ExportValidator.class);
            String now = Timestamps.now(beans.getBean(Clock.class));
            ExportValidationReport report;
            try {
                report = file == null ? validator.validateAll(now) : validator.validateOne(null, file, now);
            } catch (GovflowException e) {
                err.println("validate-exports: " + e.clientMessage());
                return USAGE;
            }
            if (json) {
                out.println(beans.getBean(StoreJson.class).mapper().rebuild()
                        .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build()
                        .writerWithDefaultPrettyPrinter().writeValueAsString(report));
            } else {
                print(report, out);
            }
            return report.allValid() ? OK : INVALID;
        }
    }

    private static void print(ExportValidationReport report, PrintStream out) {
        for (ExportFileReport file : report.files()) {
            out.println((file.ok() ? "ok      " : "INVALID ") + file.file());
            for (Problem problem : file.problems()) {
                out.println("  " + problem.severity().wire() + " " + problem.code() + ": " + problem.message());
            }
        }
        ExportValidationReport.Totals t = report.totals();
        out.printf("%d file(s) checked: %d ok, %d error(s), %d warning(s)%n", t.files(), t.ok(), t.errors(),
                t.warnings());
    }
}
