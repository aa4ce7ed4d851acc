package io.govflow.flow.update;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.govflow.store.agent.AgentRecord;
import io.govflow.store.io.LockHandle;
import io.govflow.store.io.LockKey;
import io.govflow.store.io.LockManager;
import io.govflow.support.ApiClient;
import io.govflow.support.ApiClient.Reply;
import io.govflow.support.RunningApp;
import io.govflow.support.StoreInvariants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checkpoints as bounded-lag copies of the update logs (§5.3–§5.5): the log line is the only synchronous write,
 * readers see effective values while the files lag, a graceful shutdown leaves every checkpoint at its log, and a
 * checkpoint held back past the hard cap refuses new writes until it catches up.
 */
class CheckpointLagHttpTest {

    /** Background checkpoints that never fall due by themselves during the test. */
    private static final String[] SLOW = { "--govflow.governance.loop-detection=false",
            "--govflow.store.metadata-flush-interval=1h", "--govflow.store.state-checkpoint-interval=1h",
            "--govflow.store.state-checkpoint-lines=1000000", "--govflow.store.max-checkpoint-lag=2h" };

    @TempDir
    Path dataDir;

    @Test
    void readersSeeEffectiveValuesWhileTheFilesLagAndAGracefulShutdownLeavesThemAtTheLog() throws Exception {
        try (RunningApp app = RunningApp.start(dataDir, SLOW)) {
            ApiClient client = app.client();
            String key = client.register("lagging_agent");
            for (int n = 0; n < 4; n++) {
                assertThat(client.post("/api/v1/agents/lagging_agent/updates", key, Map.of()).status()).isEqualTo(200);
            }
            StoreInvariants files = new StoreInvariants(dataDir);
            AgentRecord onDisk = files.agents().get("lagging_agent");
            assertThat(onDisk.totalUpdates()).as("the metadata file lags").isZero();
            assertThat(dataDir.resolve("agents/lagging_agent_state.json")).doesNotExist();
            files.assertCheckpointsNotAhead();

            Reply shown = client.get("/api/v1/agents/lagging_agent", key);
            assertThat(shown.body().get("agent").get("total_updates").asLong()).isEqualTo(4);
            assertThat(shown.body().get("agent").get("recent_update_timestamps").size()).isEqualTo(4);
            Reply listed = client.get("/api/v1/agents", key);
            assertThat(listed.raw()).contains("\"total_updates\":4");
            Reply metrics = client.get("/api/v1/agents/lagging_agent/metrics", key);
            assertThat(metrics.body().get("state").get("update_count").asLong()).isEqualTo(4);

            Reply deleted = client.send("DELETE", "/api/v1/agents/lagging_agent", key, null, Map.of());
            assertThat(deleted.status()).as(deleted.raw()).isEqualTo(200);
            assertThat(deleted.body().get("agent").get("total_updates").asLong()).isEqualTo(4);
            String backup = Files.readString(dataDir.resolve(deleted.body().get("backup_file").asString()));
            assertThat(backup).as("the backup holds the effective record").contains("\"total_updates\": 4");
        }
        new StoreInvariants(dataDir).assertHold();
    }

    @Test
    void aCheckpointHeldBackPastTheCapRefusesWritesUntilItCatchesUp() {
        try (RunningApp app = RunningApp.start(dataDir, "--govflow.governance.loop-detection=false",
                "--govflow.store.metadata-flush-interval=100ms", "--govflow.store.state-checkpoint-interval=100ms",
                "--govflow.store.max-checkpoint-lag=1s",
                "--govflow.lock.timeout=200ms")) {
            ApiClient client = app.client();
            String key = client.register("held_agent");
            String updates = "/api/v1/agents/held_agent/updates";
            Reply committed;
            long committedSoFar;
            try (LockHandle held = app.bean(LockManager.class).acquire(LockKey.metadata())) {
                committed = client.post(updates, key, Map.of());
                assertThat(committed.status()).as("the commit never waits for the metadata lock").isEqualTo(200);
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                    Reply refused = client.post(updates, key, Map.of());
                    assertThat(refused.status()).as(refused.raw()).isEqualTo(503);
                    assertThat(refused.body().get("error_code").asString()).isEqualTo("CHECKPOINT_BACKLOG");
                    assertThat(refused.headers().firstValue("Retry-After")).isPresent();
                });
                assertThat(client.get("/actuator/health/readiness", null).status()).isEqualTo(503);
                Reply shown = client.get("/api/v1/agents/held_agent", key);
                assertThat(shown.status()).as("reads are served").isEqualTo(200);
                committedSoFar = shown.body().get("agent").get("total_updates").asLong();
                assertThat(committedSoFar).isGreaterThanOrEqualTo(committed.body().get("metrics").get("updates")
                        .asLong());
            }
            await().atMost(Duration.ofSeconds(30)).untilAsserted(
                    () -> assertThat(client.get("/actuator/health/readiness", null).status()).isEqualTo(200));
            Reply next = client.post(updates, key, Map.of());
            assertThat(next.status()).as(next.raw()).isEqualTo(200);
            assertThat(next.body().get("metrics").get("updates").asLong()).isEqualTo(committedSoFar + 1);
            assertThat(new StoreInvariants(dataDir).agents().get("held_agent").totalUpdates())
                    .as("the group commit caught up").isGreaterThanOrEqualTo(1);
        }
        new StoreInvariants(dataDir).assertHold();
    }
}
