package io.govflow.flow.update;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.govflow.support.ApiClient;
import io.govflow.support.RunningApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** What the engine keeps must survive a restart of the application. */
class RestartTest {

    @TempDir
    Path dataDir;

    @Test
    void lambda1UpdateSkipsSurviveRestart() {
        try (RunningApp app = RunningApp.start(dataDir, "--govflow.governance.loop-detection=false")) {
            String key = app.client().register("skipper_agent");
            postLowConfidence(app.client(), key, 5);
            assertThat(skips(app.client(), key)).isEqualTo(1);
            app.restart();
            assertThat(skips(app.client(), key)).isEqualTo(1);
            JsonNode last = postLowConfidence(app.client(), key, 5);
            assertThat(last.get("metrics").get("lambda1_update_skips").asLong()).isEqualTo(2);
            assertThat(last.get("metrics").get("lambda1_skipped").asBoolean()).isTrue();
        }
    }

    @Test
    void driftFiveKeepsEntropyInRange() {
        try (RunningApp app = RunningApp.start(dataDir, "--govflow.governance.loop-detection=false")) {
            String key = app.client().register("drifter_agent");
            JsonNode reply = app.client().post("/api/v1/agents/drifter_agent/updates", key,
                    Map.of("ethical_drift", List.of(5, 5, 5))).body();
            assertThat(reply.get("metrics").get("S").asDouble()).isBetween(0.0, 1.0).isEqualTo(1.0);
        }
    }

    private static JsonNode postLowConfidence(ApiClient client, String key, int count) {
        JsonNode last = null;
        for (int n = 0; n < count; n++) {
            last = client.post("/api/v1/agents/skipper_agent/updates", key, Map.of("confidence", 0.5)).body();
        }
        return last;
    }

    private static long skips(ApiClient client, String key) {
        return client.get("/api/v1/agents/skipper_agent/metrics", key).body().get("state")
                .get("lambda1_update_skips").asLong();
    }
}
