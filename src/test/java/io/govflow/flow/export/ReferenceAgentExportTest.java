package io.govflow.flow.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.govflow.store.agent.UpdateLogEntry;
import io.govflow.support.ApiClient;
import io.govflow.support.RunningApp;
import io.govflow.support.StoreInvariants;
import io.govflow.support.TestFiles;
import tools.jackson.databind.JsonNode;

/**
 * A reference data directory served as it is: start-up migration synthesizes the update log of an agent whose
 * state file the reference trimmed to its last 1000 updates (seqs 201..1200), and the exports read that log: the
 * retained updates under their global seqs, honestly marked incomplete, and every export still validates.
 */
class ReferenceAgentExportTest {

    private static final String ADMIN = "admin-token-for-reference-exports";
    private static final String TRIMMED = "reference_agent_4_1200";

    @TempDir
    Path temp;

    @Test
    void migratedReferenceAgentsExportTheirRetainedUpdatesAndSayTheHistoryIsIncomplete() throws Exception {
        Path dataDir = TestFiles.copyFixture("reference-generated", temp);
        JsonNode referenceState = ApiClient.JSON.readTree(
                Files.readString(dataDir.resolve("agents/" + TRIMMED + "_state.json")));
        try (RunningApp app = RunningApp.start(dataDir, "--govflow.security.admin-token=" + ADMIN)) {
            ApiClient client = app.client();
            List<UpdateLogEntry> log = new StoreInvariants(dataDir).logOf(TRIMMED);
            assertThat(log).as("the update log synthesized at start-up").hasSize(1000);
            assertThat(log.get(0).seq()).isEqualTo(201);

            JsonNode history = ApiClient.JSON.readTree(client.get(
                    "/api/v1/agents/" + TRIMMED + "/history", ADMIN).body().get("history").asString());
            assertRetainedUpdates(history, referenceState);
            assertThat(history.get("total_updates").asLong()).isEqualTo(1200);

            String csv = client.get("/api/v1/agents/" + TRIMMED + "/history?format=csv", ADMIN).body()
                    .get("history").asString();
            assertThat(csv.lines().skip(1).findFirst().orElseThrow()).startsWith("201,");

            JsonNode exported = export(client, dataDir, TRIMMED, Map.of());
            assertRetainedUpdates(exported, referenceState);

            JsonNode pkg = export(client, dataDir, TRIMMED, Map.of("complete_package", true));
            assertRetainedUpdates(pkg.get("layers").get("history"), referenceState);
            JsonNode validation = pkg.get("validation");
            assertThat(validation.get("history_complete").asBoolean()).isFalse();
            assertThat(validation.get("metadata_history_sync").asBoolean()).isFalse();
            assertThat(validation.get("arrays_same_length").asBoolean()).isTrue();
            assertThat(validation.get("timestamps_iso").asBoolean()).isTrue();
            assertThat(pkg.get("layers").get("metadata").has("api_key")).isFalse();

            JsonNode smallPkg = export(client, dataDir, "reference_agent_2_40", Map.of("complete_package", true));
            assertThat(smallPkg.get("validation").get("history_complete").asBoolean()).isTrue();
            assertThat(smallPkg.get("validation").get("metadata_history_sync").asBoolean()).isTrue();

            JsonNode report = client.post("/api/v1/exports/validation", ADMIN, Map.of()).body();
            assertThat(report.get("totals").get("errors").asLong()).as(report.toString()).isZero();
            assertThat(report.get("totals").get("files").asLong()).isEqualTo(15 + 3);
            assertThat(report.get("files").valueStream().flatMap(f -> f.get("problems").valueStream())
                    .map(p -> p.get("severity").asString())).containsOnly("warning");
        }
    }

    /** The 1000 updates the reference kept, in order, numbered 201..1200 (their global seqs). */
    private static void assertRetainedUpdates(JsonNode history, JsonNode referenceState) {
        assertThat(history.get("update_seq").valueStream().map(JsonNode::asLong))
                .containsExactlyElementsOf(LongStream.rangeClosed(201, 1200).boxed().toList());
        assertThat(history.get("E_history")).isEqualTo(referenceState.get("E_history"));
        assertThat(history.get("V_history")).isEqualTo(referenceState.get("V_history"));
        assertThat(history.get("timestamps")).isEqualTo(referenceState.get("timestamp_history"));
    }

    private static JsonNode export(ApiClient client, Path dataDir, String agentId, Map<String, Object> body)
            throws Exception {
        ApiClient.Reply made = client.post("/api/v1/agents/" + agentId + "/exports", ADMIN, body);
        assertThat(made.status()).as(made.raw()).isEqualTo(201);
        return ApiClient.JSON.readTree(Files.readString(dataDir.resolve(made.body().get("file_path").asString())));
    }
}
