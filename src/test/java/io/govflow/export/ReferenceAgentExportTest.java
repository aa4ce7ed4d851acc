package io.govflow.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.govflow.support.ApiClient;
import io.govflow.support.RunningApp;
import tools.jackson.databind.JsonNode;

/**
 * Agents of a reference data directory have no update log, only a state file whose window the reference trimmed
 * to 1000: their exports say so honestly and still validate.
 */
class ReferenceAgentExportTest {

    private static final String ADMIN = "admin-token-for-reference-exports";

    @TempDir
    Path dataDir;

    @Test
    void stateFileOnlyAgentsExportTheirWindowAndSayItIsIncomplete() throws Exception {
        ExportStore.copyTree(ExportValidatorTest.fixtureDir("reference-generated"), dataDir);
        try (RunningApp app = RunningApp.start(dataDir, "--govflow.security.admin-token=" + ADMIN)) {
            ApiClient client = app.client();
            JsonNode history = ApiClient.JSON.readTree(client.get(
                    "/api/v1/agents/reference_agent_4_1200/history", ADMIN).body().get("history").asString());
            assertThat(history.get("E_history").size()).isEqualTo(1000);
            assertThat(history.get("update_seq").get(0).asLong()).isEqualTo(201);
            assertThat(history.get("update_seq").get(999).asLong()).isEqualTo(1200);
            assertThat(history.get("total_updates").asLong()).isEqualTo(1200);

            String csv = client.get("/api/v1/agents/reference_agent_4_1200/history?format=csv", ADMIN).body()
                    .get("history").asString();
            assertThat(csv.lines().skip(1).findFirst().orElseThrow()).startsWith("201,");

            JsonNode made = client.post("/api/v1/agents/reference_agent_4_1200/exports", ADMIN,
                    Map.of("complete_package", true)).body();
            JsonNode pkg = ApiClient.JSON.readTree(Files.readString(dataDir.resolve(made.get("file_path")
                    .asString())));
            JsonNode validation = pkg.get("validation");
            assertThat(validation.get("history_complete").asBoolean()).isFalse();
            assertThat(validation.get("metadata_history_sync").asBoolean()).isFalse();
            assertThat(validation.get("arrays_same_length").asBoolean()).isTrue();
            assertThat(pkg.get("layers").get("metadata").has("api_key")).isFalse();

            JsonNode small = client.post("/api/v1/agents/reference_agent_2_40/exports", ADMIN,
                    Map.of("complete_package", true)).body();
            JsonNode smallPkg = ApiClient.JSON.readTree(Files.readString(dataDir.resolve(small.get("file_path")
                    .asString())));
            assertThat(smallPkg.get("validation").get("history_complete").asBoolean()).isTrue();
            assertThat(smallPkg.get("validation").get("metadata_history_sync").asBoolean()).isTrue();

            JsonNode report = client.post("/api/v1/exports/validation", ADMIN, Map.of()).body();
            assertThat(report.get("totals").get("errors").asLong()).isZero();
            assertThat(report.get("totals").get("files").asLong()).isEqualTo(17);
        }
    }
}
