package io.govflow.flow.update;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.govflow.support.ApiClient;
import io.govflow.support.ApiClient.Reply;
import io.govflow.support.RunningApp;
import io.govflow.store.io.MetadataLockMain;
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

    @Test
    void aReviewerPausedByAnUpdateWhoseCheckpointWasLostCannotBeNamed() throws Exception {
        try (RunningApp app = pausingApp()) {
            ApiClient client = app.client();
            String requesterKey = client.register("requester");
            pausedWithLostCheckpoint(client, "reviewer");

            Reply created = client.post("/api/v1/dialectic/sessions", requesterKey, Map.of("agent_id", "requester",
                    "reviewer_agent_id", "reviewer", "reason", "Asked for a review"));

            assertThat(created.status()).as(created.raw()).isEqualTo(409);
            assertThat(created.body().get("details").get("reason").asString()).isEqualTo("reviewer_not_active");
        }
    }

    @Test
    void theListingFiltersAndCountsAnAgentPausedByAnUpdateWhoseCheckpointWasDeferredAsPaused() throws Exception {
        try (RunningApp app = RunningApp.start(dataDir, "--govflow.security.admin-token=" + ADMIN,
                "--govflow.governance.enforce-pause=true", "--govflow.governance.loop-detection=false",
                "--govflow.lock.timeout=1s", "--govflow.store.metadata-flush-interval=1h")) {
            ApiClient client = app.client();
            String key = client.register("deferred");
            assertThat(client.send("PUT", "/api/v1/config/thresholds", ADMIN, strictThresholds(), Map.of())
                    .status()).isEqualTo(200);
            Process holder = holdMetadataLock();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line = out.readLine();
                while (line != null && !line.equals("LOCKED")) {
                    line = out.readLine();
                }
                assertThat(line).isEqualTo("LOCKED");
                Reply paused = client.post("/api/v1/agents/deferred/updates", key, Map.of());
                assertThat(paused.body().get("decision").get("action").asString()).isEqualTo("pause");
                assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
            } finally {
                holder.destroyForcibly();
            }
            assertThat(metadataRecord("deferred").get("status").asString()).isEqualTo("active");

            JsonNode listed = client.get("/api/v1/agents?status=paused", ADMIN).body();

            assertThat(listed.get("agents")).hasSize(1);
            assertThat(listed.get("agents").get(0).get("agent_id").asString()).isEqualTo("deferred");
            assertThat(listed.get("agents").get(0).get("total_updates").asLong()).isEqualTo(1);
            assertThat(listed.get("counts_by_status").get("paused").asLong()).isEqualTo(1);
            assertThat(listed.get("counts_by_status").get("active").asLong()).isZero();
        }
    }

    private Process holdMetadataLock() throws Exception {
        return new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                MetadataLockMain.class.getName(), dataDir.toString(), "3000"))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
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
        return LaggingMetadata.metadataFile(dataDir);
    }

    private JsonNode metadataRecord(String agentId) throws Exception {
        return LaggingMetadata.metadataRecord(dataDir, agentId);
    }

    private static Map<String, Object> strictThresholds() {
        return LaggingMetadata.strictThresholds();
    }
}
