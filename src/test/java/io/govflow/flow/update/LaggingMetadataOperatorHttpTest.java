package io.govflow.flow.update;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.govflow.support.ApiClient;
import io.govflow.support.ApiClient.Reply;
import io.govflow.support.RunningApp;
import io.govflow.store.io.StoreJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Operator decisions and readers while the metadata checkpoint lags behind a committed pause (the file is put back
 * as it was before the update): they act on the status the log gives, not on the lagging file.
 */
class LaggingMetadataOperatorHttpTest {

    private static final String ADMIN = "lagging-operator-admin";

    @TempDir
    Path dataDir;

    @Test
    void selfRecoveryOfAnAgentPausedByAnUpdateWhoseCheckpointWasLostIsConsidered() throws Exception {
        try (RunningApp app = pausingApp()) {
            ApiClient client = app.client();
            String key = pausedWithLostCheckpoint(client, "recovering");

            Reply recovered = client.post("/api/v1/agents/recovering/self-recovery", key, Map.of(
                    "root_cause", "Unclear instructions", "proposed_conditions", List.of("Ask before acting")));

            // judged on its metrics (too risky here), not refused as "not paused" on the lagging file
            assertThat(recovered.status()).as(recovered.raw()).isEqualTo(422);
            assertThat(recovered.body().get("error_code").asString()).isEqualTo("UNSAFE_RESUME");
            assertThat(client.get("/api/v1/agents/recovering", key).body().get("agent").get("status").asString())
                    .isEqualTo("paused");
        }
    }

    private RunningApp pausingApp() throws Exception {
        return RunningApp.start(dataDir, "--govflow.security.admin-token=" + ADMIN,
                "--govflow.governance.enforce-pause=true", "--govflow.governance.loop-detection=false");
    }

    /** Registers the agent, pauses it by a committed update and puts the metadata file back as it was before. */
    private String pausedWithLostCheckpoint(ApiClient client, String agentId) throws Exception {
        String key = client.register(agentId);
        assertThat(client.send("PUT", "/api/v1/config/thresholds", ADMIN, strictThresholds(), Map.of()).status())
                .isEqualTo(200);
        byte[] beforeUpdate = Files.readAllBytes(metadataFile());
        Reply paused = client.post("/api/v1/agents/" + agentId + "/updates", key, Map.of());
        assertThat(paused.body().get("decision").get("action").asString()).isEqualTo("pause");
        Files.write(metadataFile(), beforeUpdate);
        return key;
    }

    private Path metadataFile() {
        return dataDir.resolve("agent_metadata.json");
    }

    private JsonNode metadataRecord(String agentId) throws Exception {
        return new StoreJson().parseObject(Files.readAllBytes(metadataFile())).get(agentId);
    }

    private static Map<String, Object> strictThresholds() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("risk_approve_threshold", 0.005);
        body.put("risk_revise_threshold", 0.01);
        body.put("coherence_critical_threshold", 0.40);
        body.put("void_threshold_initial", 0.15);
        return body;
    }
}
