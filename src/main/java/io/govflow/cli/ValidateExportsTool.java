package io.govflow.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import org.jspecify.annotations.Nullable;

import io.govflow.error.GovflowException;
import io.govflow.store.check.Problem;
import io.govflow.store.export.ExportFileReport;
import io.govflow.store.export.ExportFiles;
import io.govflow.store.export.ExportValidationReport;
import io.govflow.store.export.ExportValidator;
import io.govflow.store.io.AtomicFileWriter;
import io.govflow.store.io.DataDirectory;
import io.govflow.store.io.StoreHealth;
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
    public int run(String[] options, PrintStream out, PrintStream err) {
        Options parsed = Options.parse(options);
        if (parsed == null || parsed.dataDir == null) {
            err.println(USAGE_TEXT);
            return USAGE;
        }
        if (!Files.isDirectory(parsed.dataDir)) {
            err.println("validate-exports: not a directory: " + parsed.dataDir);
            return USAGE;
        }
        StoreJson json = new StoreJson();
        ExportFiles files = new ExportFiles(new DataDirectory(parsed.dataDir), new AtomicFileWriter(new StoreHealth()),
                json);
        ExportValidator validator = new ExportValidator(files, json);
        String now = Timestamps.now(Clock.systemUTC());
        ExportValidationReport report;
        try {
            report = parsed.file == null ? validator.validateAll(now) : validator.validateOne(null, parsed.file, now);
        } catch (GovflowException e) {
            err.println("validate-exports: " + e.clientMessage());
            return USAGE;
        }
        if (parsed.json) {
            out.println(json.mapper().rebuild().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build()
                    .writerWithDefaultPrettyPrinter().writeValueAsString(report));
        } else {
            print(report, out);
        }
        return report.allValid() ? OK : INVALID;
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

    /** Parsed arguments; null from {@link #parse} on anything unknown. */
    private static final class Options {
        @Nullable Path dataDir;
        @Nullable String file;
        boolean json;

        static @Nullable Options parse(String[] args) {
            Options o = new Options();
            for (int k = 0; k < args.length; k++) {
                switch (args[k]) {
                    case "--data-dir" -> {
                        if (++k >= args.length) {
                            return null;
                        }
                        o.dataDir = Path.of(args[k]);
                    }
                    case "--file" -> {
                        if (++k >= args.length) {
                            return null;
                        }
                        o.file = args[k];
                    }
                    case "--json" -> o.json = true;
                    default -> {
                        return null;
                    }
                }
            }
            return o;
        }
    }
}
