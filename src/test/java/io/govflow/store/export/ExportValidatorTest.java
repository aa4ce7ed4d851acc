package io.govflow.store.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.govflow.GovflowApplication;
import io.govflow.cli.CommandLineTools;
import io.govflow.store.check.Problem;
import io.govflow.support.TestFiles;

/** The export validator over our own files, the reference's fixtures, and damaged files; and its command line. */
class ExportValidatorTest {

    private static final String NOW = "2025-12-02T10:00:00.000000";

    @TempDir
    Path dataDir;

    @Test
    void ourExportsHaveNoProblemAtAll() {
        ExportStore store = new ExportStore(dataDir);
        GeneratedLogs.write(dataDir, "own_agent", 1500);
        store.writeJson("own_agent", "own_agent_history_20251201_151234.json");
        store.writeCsv("own_agent", "own_agent_history_20251201_151234.csv");
        store.writeCsv("own_agent", "custom_name.csv");
        String last = GeneratedLogs.entry(1500).ts();
        store.writePackage("own_agent", "own_agent_complete_package_20251201_151234.json", 1500, last);
        store.writePackage("own_agent", "backup_complete.json", 1500, last);
        ExportValidationReport report = store.validator.validateAll(NOW);
        assertThat(report.files()).hasSize(5);
        assertThat(report.files()).allSatisfy(f -> assertThat(f.problems()).as(f.file()).isEmpty());
        assertThat(report.allValid()).isTrue();
    }

    @Test
    void historyOfAMigratedAgentSaysItIsIncomplete() throws IOException {
        ExportStore store = new ExportStore(dataDir);
        GeneratedLogs.write(dataDir, "migrated_agent", 201, 50);
        Path file = store.writePackage("migrated_agent", "migrated_complete.json", 250,
                GeneratedLogs.entry(250).ts());
        String text = Files.readString(file);
        assertThat(text).contains("\"history_complete\": false").contains("\"metadata_history_sync\": false")
                .contains("\"last_update_matches\": true");
        ExportFileReport report = store.validator.validate(ExportKind.PACKAGE, file);
        assertThat(report.ok()).isTrue();
        assertThat(codes(report)).containsExactly("HISTORY_TRIMMED");
    }

    @Test
    void referenceFixturesAreValidDocuments() {
        for (String fixture : List.of("reference-generated", "reference-data")) {
            Path copy = TestFiles.copyFixture(fixture, dataDir);
            ExportValidationReport report = new ExportStore(copy).validator.validateAll(NOW);
            assertThat(report.files()).as(fixture).isNotEmpty();
            assertThat(report.files()).allSatisfy(f -> assertThat(f.ok()).as(f.file() + " " + f.problems()).isTrue());
            if (fixture.equals("reference-generated")) {
                assertThat(report.files()).hasSize(15);
                List<ExportFileReport> trimmed = report.files().stream()
                        .filter(f -> f.file().contains("reference_agent_4_1200")).toList();
                assertThat(trimmed).hasSize(3).allSatisfy(f -> assertThat(codes(f)).contains("HISTORY_TRIMMED"));
            }
        }
    }

    @Test
    void theSeedsEightColumnHistoryCsvIsAValidDocument() throws IOException {
        Path history = Files.createDirectories(dataDir.resolve("history"));
        String row = "%d,2025-12-01T15:12:3%d.123456,0.702,0.809,0.181625,0.43761583286083505,proceed,0.125";
        List<String> lines = new ArrayList<>(List.of("update,timestamp,E,I,S,attention_score,decision,lambda1"));
        for (int i = 1; i <= 3; i++) {
            lines.add(row.formatted(i, i));
        }
        lines.addAll(List.of("", "Summary,,,,,,,", "agent_id,seed_agent,,,,,,", "total_updates,3,,,,,,",
                "total_time,0.30000000000000004,,,,,,", "lambda1_final,0.125,,,,,,", ""));
        Path seed = history.resolve("seed_agent_history_20251201_151234.csv");
        Files.writeString(seed, String.join("\r\n", lines));
        assertThat(codes(new ExportStore(dataDir).validator.validate(ExportKind.HISTORY, seed))).isEmpty();

        Path padded = history.resolve("seed_agent_history_20251201_151235.csv");
        Files.writeString(padded, String.join("\r\n", lines).replace(",,,,,,,\r\n", ",,,,,,\r\n"));
        assertThat(codes(new ExportStore(dataDir).validator.validate(ExportKind.HISTORY, padded)))
                .as("summary rows padded one short, as the reference did").isEmpty();

        Path mixed = history.resolve("seed_agent_history_20251201_151236.csv");
        Files.writeString(mixed, String.join("\r\n", lines).replace("3,2025-12-01T15:12:33.123456,0.702,",
                "3,2025-12-01T15:12:33.123456,0.702,0.1,0.2,"));
        assertThat(codes(new ExportStore(dataDir).validator.validate(ExportKind.HISTORY, mixed)))
                .as("a 10-field row under the 8-column header").contains("CSV_ROW");
    }

    @Test
    void damagedFilesAreErrors() throws IOException {
        ExportStore store = new ExportStore(dataDir);
        GeneratedLogs.write(dataDir, "dmg_agent", 30);
        Path json = store.writeJson("dmg_agent", "dmg_agent_history_20251201_151234.json");
        byte[] whole = Files.readAllBytes(json);
        Files.write(json, java.util.Arrays.copyOf(whole, whole.length / 2));

        Path csv = store.writeCsv("dmg_agent", "dmg_agent_history_20251201_151235.csv");
        List<String> lines = new ArrayList<>();
        for (String line : Files.readString(csv).split("\r\n", -1)) {
            lines.add(line.contains(",") ? line.replaceFirst(",[^,]*$", "") : line);
        }
        Files.writeString(csv, String.join("\r\n", lines));

        store.writeJson("dmg_agent", "dmg_agent_history_20251399_999999.json");
        Path pkg = store.writePackage("dmg_agent", "dmg_agent_complete_package_20251201_151234.json", 30,
                GeneratedLogs.entry(30).ts());
        Files.writeString(pkg, Files.readString(pkg).replaceFirst("\"total_updates\": 30,", "\"total_updates\": 31,"));
        Path empty = dataDir.resolve("history/empty_one.json");
        Files.writeString(empty, "");
        Files.writeString(dataDir.resolve("exports/stray.json"), "{}");

        ExportValidationReport report = store.validator.validateAll(NOW);
        assertThat(codesOf(report, "history/dmg_agent_history_20251201_151234.json")).contains("INVALID_JSON");
        assertThat(codesOf(report, "history/dmg_agent_history_20251201_151235.csv")).contains("CSV_HEADER");
        assertThat(codesOf(report, "history/dmg_agent_history_20251399_999999.json")).contains("NAME_TIMESTAMP");
        assertThat(codesOf(report, "exports/dmg_agent_complete_package_20251201_151234.json"))
                .contains("PACKAGE_OUT_OF_SYNC");
        assertThat(codesOf(report, "history/empty_one.json")).contains("EMPTY_FILE");
        assertThat(codesOf(report, "exports/stray.json")).contains("NAME_PATTERN");
        assertThat(report.files()).allSatisfy(f -> assertThat(f.ok()).isFalse());
        assertThat(report.allValid()).isFalse();
    }

    @Test
    void nonFiniteNumbersAreErrorsInJsonAndCsv() throws IOException {
        ExportStore store = new ExportStore(dataDir);
        GeneratedLogs.write(dataDir, "nan_agent", 5);
        Path json = store.writeJson("nan_agent", "nan_agent_history_20251201_151234.json");
        String text = Files.readString(json);
        Files.writeString(json, text.replaceFirst("(\"E_history\"\\s*:\\s*\\[\\s*)[-0-9.eE]+", "$1NaN"));
        Path csv = store.writeCsv("nan_agent", "nan_agent_history_20251201_151235.csv");
        List<String> lines = new ArrayList<>(List.of(Files.readString(csv).split("\r\n", -1)));
        String[] row = lines.get(1).split(",", -1);
        row[2] = "Infinity";
        lines.set(1, String.join(",", row));
        Files.writeString(csv, String.join("\r\n", lines));

        assertThat(Files.readString(json)).contains("NaN");
        assertThat(codes(store.validator.validate(ExportKind.HISTORY, json))).contains("NON_FINITE_NUMBER");
        assertThat(codes(store.validator.validate(ExportKind.HISTORY, csv))).contains("CSV_ROW");
    }

    @Test
    void packageWithHistoryShorterThanItsMetadataIsOutOfSync() throws IOException {
        ExportStore store = new ExportStore(dataDir);
        GeneratedLogs.write(dataDir, "short_agent", 10);
        Path pkg = store.writePackage("short_agent", "short_complete.json", 10, GeneratedLogs.entry(10).ts());
        String text = Files.readString(pkg);
        int metadataTotal = text.indexOf("\"total_updates\": 10");
        Files.writeString(pkg, text.substring(0, metadataTotal) + "\"total_updates\": 12"
                + text.substring(metadataTotal + "\"total_updates\": 10".length()));
        ExportFileReport report = store.validator.validate(ExportKind.PACKAGE, pkg);
        assertThat(report.ok()).isFalse();
        assertThat(codes(report)).contains("PACKAGE_OUT_OF_SYNC", "VALIDATION_BLOCK_MISMATCH");
    }

    @Test
    void commandLineExitsZeroOnlyWhenEveryFileIsValid() throws IOException {
        ExportStore store = new ExportStore(dataDir);
        GeneratedLogs.write(dataDir, "cli_agent", 20);
        store.writeCsv("cli_agent", "cli_agent_history_20251201_151234.csv");
        assertThat(runTool("validate-exports", "--data-dir", dataDir.toString()).status).isZero();
        Result json = runTool("validate-exports", "--data-dir", dataDir.toString(), "--json");
        assertThat(json.out).contains("\"checked_at\"").contains("\"ok\" : true");

        Files.writeString(dataDir.resolve("history/cli_agent_history_20251301_000000.csv"), "x");
        Result bad = runTool("validate-exports", "--data-dir", dataDir.toString());
        assertThat(bad.status).isEqualTo(1);
        assertThat(bad.out).contains("NAME_TIMESTAMP").contains("CSV_HEADER");
        assertThat(runTool("validate-exports").status).isEqualTo(2);
        assertThat(runTool("validate-exports", "--data-dir", dataDir.resolve("nope").toString()).status)
                .isEqualTo(2);
    }

    @Test
    void commandLineRunsFromTheApplicationMainInAChildJvm() throws Exception {
        Path copy = TestFiles.copyFixture("reference-generated", dataDir);
        assertThat(childJvm(copy)).isZero();
        Files.writeString(copy.resolve("history/broken_history_20251201_151234.json"), "{\"agent_id\": ");
        assertThat(childJvm(copy)).isEqualTo(1);
    }

    private static int childJvm(Path dir) throws Exception {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                GovflowApplication.class.getName(), "validate-exports", "--data-dir", dir.toString())
                .redirectErrorStream(true).start();
        process.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return process.exitValue();
    }

    private static List<String> codes(ExportFileReport report) {
        return report.problems().stream().map(Problem::code).toList();
    }

    private static List<String> codesOf(ExportValidationReport report, String file) {
        return report.files().stream().filter(f -> f.file().equals(file)).findFirst()
                .map(ExportValidatorTest::codes).orElseThrow(() -> new AssertionError("not reported: " + file));
    }

    private record Result(int status, String out) {
    }

    private static Result runTool(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = CommandLineTools.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(status, out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8));
    }
}
