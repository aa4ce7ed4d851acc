package io.govflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.govflow.flow.auth.ApiKeys;
import io.govflow.support.ApiClient;
import io.govflow.support.FileTree;
import io.govflow.support.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@code migrate --data-dir DIR [--dry-run]} without the server: a dry run writes nothing, a real run migrates,
 * a second run has nothing to do; damaged files are reported and left byte for byte as they were.
 */
class MigrateCommandTest {

    @TempDir
    Path temp;

    @Test
    void dryRunThenRunThenNothingLeftToDo() {
        Path data = TestFiles.copyFixture("reference-data", temp);
        Map<String, String> before = FileTree.fingerprint(data);

        ToolRun dry = run("migrate", "--data-dir", data.toString(), "--dry-run");
        assertThat(dry.exit()).as(dry.err()).isZero();
        assertThat(dry.json().get("dry_run").asBoolean()).isTrue();
        assertThat(dry.json().get("totals").get("actions").asInt()).isEqualTo(7 + 20 + 5);
        // 13 reference sessions with messages signed by keys this service never held: SIGNATURE_UNVERIFIABLE
        assertThat(dry.json().get("totals").get("warnings").asInt()).isEqualTo(34 + 20 + 13);
        assertThat(FileTree.fingerprint(data)).as("a dry run writes nothing").isEqualTo(before);

        ToolRun real = run("migrate", "--data-dir", data.toString());
        assertThat(real.exit()).as(real.err()).isZero();
        assertThat(real.json().get("actions").toString()).isEqualTo(dry.json().get("actions").toString());
        assertThat(real.out()).doesNotContain("INFO");

        ToolRun again = run("migrate", "--data-dir", data.toString());
        assertThat(again.exit()).isZero();
        assertThat(again.json().get("actions").size()).isZero();
    }

    @Test
    void keysCopiedIntoBackupsAndArchivesAreHashedToo() throws Exception {
        Path data = TestFiles.copyFixture("reference-generated", temp);
        String key = firstKey(data);
        String backup = "{\n  \"agent_id\": \"reference_agent_0_1\",\n  \"metadata\": {\n    \"api_key\": \"" + key
                + "\",\n    \"notes\": \"\"\n  },\n  \"backed_up_at\": \"2025-12-01T10:00:00.123456\"\n}\n";
        Files.createDirectories(data.resolve("archives"));
        Files.createDirectories(data.resolve("backups"));
        Files.writeString(data.resolve("archives/reference_agent_0_1_backup_20251201_100000.json"), backup);
        Files.writeString(data.resolve("backups/reference_agent_0_1_backup_20251201_100000.json"), backup);

        ToolRun result = run("migrate", "--data-dir", data.toString());

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.json().get("actions").toString()).contains("archives/reference_agent_0_1_backup",
                "backups/reference_agent_0_1_backup", "agent_metadata.json");
        for (String dir : new String[] {"archives", "backups"}) {
            assertThat(Files.readString(data.resolve(dir + "/reference_agent_0_1_backup_20251201_100000.json")))
                    .isEqualTo(backup.replace(key, ApiKeys.hash(key)));
        }
        assertThat(Files.readString(data.resolve("agent_metadata.json"))).doesNotContain(key);
    }

    @Test
    void damagedFilesAreReportedAndNeverOverwritten() throws Exception {
        Path data = TestFiles.copyFixture("reference-data", temp);
        Path legacy = data.resolve("test_auth_20251124_state.json");
        byte[] damagedState = "{\"E\": 0.7, \"update_count\": 2, \"E_hist".getBytes(StandardCharsets.UTF_8);
        Files.delete(legacy);
        Files.write(legacy, damagedState);
        Path export = data.resolve("exports/validation_check_complete.json");
        String exportText = Files.readString(export);
        byte[] damagedExport = exportText.substring(0, exportText.length() / 2).getBytes(StandardCharsets.UTF_8);
        Files.delete(export);
        Files.write(export, damagedExport);

        ToolRun result = run("migrate", "--data-dir", data.toString());
        assertThat(result.exit()).as("errors found").isEqualTo(1);
        JsonNode files = result.json().get("files");
        assertThat(files.toString()).contains("agents/test_auth_20251124_state.json", "STATE_CORRUPT",
                "exports/validation_check_complete.json", "DOCUMENT_UNREADABLE");
        assertThat(Files.readAllBytes(data.resolve("agents/test_auth_20251124_state.json"))).isEqualTo(damagedState);
        assertThat(data.resolve("agents/test_auth_20251124_updates.jsonl")).doesNotExist();
        assertThat(Files.readAllBytes(export)).isEqualTo(damagedExport);
        assertThat(result.json().get("totals").get("errors").asInt()).isEqualTo(3);
    }

    @Test
    void badUsageExitsWithTwo() {
        assertThat(run("migrate").exit()).isEqualTo(2);
        assertThat(run("migrate", "--data-dir").exit()).isEqualTo(2);
        assertThat(run("migrate", "--data-dir", temp.resolve("missing").toString()).exit()).isEqualTo(2);
        assertThat(run("migrate", "--data-dir", temp.toString(), "--force").err()).contains("usage: migrate");
    }

    private static ToolRun run(String... args) {
        return ToolRun.of(args);
    }

    /** The first plaintext key of a reference metadata file. */
    private static String firstKey(Path data) throws Exception {
        JsonNode metadata = ApiClient.JSON.readTree(Files.readString(data.resolve("agent_metadata.json")));
        return metadata.values().iterator().next().get("api_key").asString();
    }
}
