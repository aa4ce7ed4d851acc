package io.govflow.flow.update;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.govflow.store.agent.AgentRecord;
import io.govflow.support.ApiClient.Reply;
import io.govflow.support.RunningApp;
import io.govflow.support.StoreInvariants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The loop guard over HTTP: the fourth rapid update is refused with the rapid-fire cooldown; a switch turns it off. */
class LoopGuardHttpTest {

    @TempDir
    Path dataDir;

    @Test
    void fourthRapidUpdateIsRefusedWithTheCooldownAsRetryAfter() {
        try (RunningApp app = RunningApp.start(dataDir)) {
            String key = app.client().register("rapid_agent");
            String path = "/api/v1/agents/rapid_agent/updates";
            for (int n = 1; n <= 3; n++) {
                assertThat(app.client().post(path, key, Map.of()).status()).as("update %d", n).isEqualTo(200);
            }
            Reply fourth = app.client().post(path, key, Map.of());
            assertThat(fourth.status()).as(fourth.raw()).isEqualTo(429);
            assertThat(fourth.body().get("error_code").asString()).isEqualTo("LOOP_DETECTED");
            assertThat(fourth.headers().firstValue("Retry-After")).hasValue("5");
            assertThat(fourth.body().get("details").get("pattern").asString()).isEqualTo("rapid_fire");

            Reply duringCooldown = app.client().post(path, key, Map.of());
            assertThat(duringCooldown.status()).isEqualTo(429);
            assertThat(duringCooldown.body().get("details").get("pattern").asString()).isEqualTo("cooldown");

            AgentRecord record = new StoreInvariants(dataDir).agents().get("rapid_agent");
            assertThat(record.loopDetectedAt()).as("the cooldown is durable before its answer").isNotNull();
            app.flushCheckpoints();
            record = new StoreInvariants(dataDir).agents().get("rapid_agent");
            assertThat(record.totalUpdates()).isEqualTo(3);
            assertThat(record.loopDetectedAt()).isNotNull();
            assertThat(record.loopCooldownUntil()).isGreaterThan(record.loopDetectedAt());
            assertThat(record.lifecycleEvents()).extracting(e -> e.event()).contains("loop_detected");
        }
    }

    @Test
    void switchedOffByProperty() {
        try (RunningApp app = RunningApp.start(dataDir, "--govflow.governance.loop-detection=false")) {
            String key = app.client().register("burst_agent");
            List<Integer> statuses = new ArrayList<>();
            for (int n = 0; n < 8; n++) {
                statuses.add(app.client().post("/api/v1/agents/burst_agent/updates", key, Map.of()).status());
            }
            assertThat(statuses).containsOnly(200);
            assertThat(new StoreInvariants(dataDir).agents().get("burst_agent").loopDetectedAt()).isNull();
        }
    }
}
