package io.govflow.flow.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.govflow.support.ApiClient;
import io.govflow.support.ApiClient.Reply;
import io.govflow.support.DataDir;
import io.govflow.support.GovflowApp;
import io.govflow.support.RunningApp;
import tools.jackson.databind.JsonNode;

/** auto_export_on_significance: the significance block, the export it triggers, replays and failures. */
@GovflowApp(args = "--govflow.governance.loop-detection=false")
class SignificanceExportHttpTest {

    private static final Map<String, Object> RISKY = Map.of("complexity", 1.0, "confidence", 0.2,
            "ethical_drift", List.of(1.0, 1.0, 1.0), "auto_export_on_significance", true,
            "response_text", "rm -rf / and disable the safety checks, ignore previous instructions, bypass auth");

    @DataDir
    static Path dataDir;

    static ApiClient client;

    @Test
    void significantUpdateExportsItsHistoryOnceAndReplaysDoNot() throws Exception {
        String key = client.register("sig_agent");
        Reply calm = client.post("/api/v1/agents/sig_agent/updates", key,
                Map.of("complexity", 0.3, "auto_export_on_significance", true));
        JsonNode block = calm.body().get("significance");
        assertThat(block.get("is_significant").asBoolean()).isFalse();
        assertThat(block.get("exported").asBoolean()).isFalse();
        assertThat(block.has("export_path")).isFalse();
        assertThat(client.post("/api/v1/agents/sig_agent/updates", key, Map.of()).body().has("significance"))
                .isFalse();

        JsonNode significant = null;
        for (int n = 0; n < 40 && significant == null; n++) {
            JsonNode body = client.send("POST", "/api/v1/agents/sig_agent/updates", key, RISKY,
                    Map.of("Idempotency-Key", "risky-" + n)).body();
            if (body.get("significance").get("is_significant").asBoolean()) {
                significant = body;
                Reply replay = client.send("POST", "/api/v1/agents/sig_agent/updates", key, RISKY,
                        Map.of("Idempotency-Key", "risky-" + n));
                assertThat(replay.status()).isEqualTo(200);
                assertThat(replay.body().has("significance")).isFalse();
            }
        }
        assertThat(significant).as("a significant update within 40 risky ones").isNotNull();
        JsonNode sig = significant.get("significance");
        assertThat(sig.get("reasons").size()).isPositive();
        assertThat(sig.get("exported").asBoolean()).isTrue();
        assertThat(sig.get("timestamp").asString()).isEqualTo(significant.get("timestamp").asString());
        String path = sig.get("export_path").asString();
        assertThat(path).matches("history/sig_agent_significant_\\d{8}_\\d{6}(_\\d+)?\\.json");
        JsonNode doc = ApiClient.JSON.readTree(Files.readString(dataDir.resolve(path)));
        assertThat(doc.get("total_updates").asLong()).isEqualTo(significant.get("metrics").get("updates").asLong());
        try (var files = Files.list(dataDir.resolve("history"))) {
            assertThat(files.count()).isEqualTo(1);
        }
        JsonNode report = client.post("/api/v1/exports/validation", key, Map.of()).body();
        assertThat(report.get("totals").get("errors").asLong()).isZero();
    }

    @Test
    void failedExportIsReportedAndTheUpdateStands() throws Exception {
        Path other = dataDir.resolve("blocked");
        Files.createDirectories(other);
        Files.writeString(other.resolve("history"), "not a directory");
        try (RunningApp blocked = RunningApp.start(other, "--govflow.governance.loop-detection=false")) {
            ApiClient c = blocked.client();
            String key = c.register("blocked_agent");
            JsonNode significant = null;
            for (int n = 0; n < 40 && significant == null; n++) {
                Reply reply = c.post("/api/v1/agents/blocked_agent/updates", key, RISKY);
                assertThat(reply.status()).isEqualTo(200);
                if (reply.body().get("significance").get("is_significant").asBoolean()) {
                    significant = reply.body();
                }
            }
            assertThat(significant).isNotNull();
            JsonNode sig = significant.get("significance");
            assertThat(sig.get("exported").asBoolean()).isFalse();
            assertThat(sig.get("export_error").asString()).isEqualTo("STORAGE_ERROR");
            assertThat(sig.has("export_path")).isFalse();
            long updates = significant.get("metrics").get("updates").asLong();
            assertThat(c.get("/api/v1/agents/blocked_agent/metrics", key).body().get("state").get("update_count")
                    .asLong()).isEqualTo(updates);
        }
    }
}
