package io.govflow.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.govflow.store.agent.UpdateLogEntry;
import io.govflow.store.io.StoreHealth;
import io.govflow.support.ApiClient;
import io.govflow.support.ApiClient.Reply;
import io.govflow.support.DataDirChecks;
import io.govflow.support.FaultyFsync;
import io.govflow.support.FaultyFsync.Fault;
import io.govflow.support.FaultyFsync.Target;
import io.govflow.support.FaultyFsyncSource;
import io.govflow.support.RunningApp;
import io.govflow.support.StoreInvariants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A failed fsync, injected at the store's fsync seam ({@link FaultyFsync}) into the real application on real
 * files. SQLite's loop: the k-th fsync of an operation fails, for k = 0, 1, 2, … until the operation completes
 * without reaching a fault. Each time: the answer is a storage error (never a 2xx), a failed log or directory
 * fsync latches the store read-only (readiness DOWN, every later write refused, reads and replays still served)
 * and writes the shared marker that every instance on the data directory honours until it is removed, and after
 * the marker's removal and a restart (where one is due) the retry with the same Idempotency-Key is applied exactly
 * once.
 */
class FailedFsyncTest {

    private static final String[] ARGS = { FaultyFsyncSource.ARGUMENT, "--govflow.governance.loop-detection=false" };

    @TempDir
    Path dataDir;

    @Test
    void eachFsyncOfAnUpdateFailingOnceNeverAcknowledgesWhatIsNotDurable() {
        try (RunningApp app = RunningApp.start(dataDir, ARGS)) {
            String key = app.client().register("fsync_agent");
            List<Long> acked = new ArrayList<>();
            acked.add(update(app.client(), "fsync_agent", key, "warm-up").body().get("metrics").get("updates").asLong());
            int faultsHit = 0;
            for (int k = 0; k < 20; k++) {
                String idempotencyKey = "fsync-fault-" + k;
                app.bean(FaultyFsync.class).arm(Fault.once(Target.ANY, k, FaultyFsync.EIO));
                Reply reply = update(app.client(), "fsync_agent", key, idempotencyKey);
                boolean hit = app.bean(FaultyFsync.class).failures() > 0;
                app.bean(FaultyFsync.class).disarm();
                if (!hit) {
                    assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
                    acked.add(seq(reply));
                    break;
                }
                faultsHit++;
                assertFailedWithoutAck(app, reply, "fsync_agent", key);
                restartIfLatched(app);
                assertThat(app.client().get("/actuator/health/readiness", null).status()).isEqualTo(200);
                Reply retry = update(app.client(), "fsync_agent", key, idempotencyKey);
                assertThat(retry.status()).as("retry after restart: %s", retry.raw()).isEqualTo(200);
                acked.add(seq(retry));
                acked.add(seq(update(app.client(), "fsync_agent", key, "next-" + k)));
                app.flushCheckpoints();
                new StoreInvariants(dataDir).assertHold();
            }
            assertThat(faultsHit).as("fsync calls of one update: its log line only").isEqualTo(1);
            List<Long> log = new StoreInvariants(dataDir).logOf("fsync_agent").stream().map(UpdateLogEntry::seq).toList();
            assertThat(log).as("each request applied exactly once").containsExactlyElementsOf(acked);
        }
    }

    @Test
    void eachFsyncOfANewAgentsFirstUpdateFailingOnce() {
        try (RunningApp app = RunningApp.start(dataDir, ARGS)) {
            for (int k = 0; k < 20; k++) {
                String agent = "first_update_" + k;
                String key = app.client().register(agent);
                app.bean(FaultyFsync.class).arm(Fault.once(Target.ANY, k, FaultyFsync.EIO));
                Reply reply = update(app.client(), agent, key, "first");
                boolean hit = app.bean(FaultyFsync.class).failures() > 0;
                app.bean(FaultyFsync.class).disarm();
                if (!hit) {
                    assertThat(reply.status()).isEqualTo(200);
                    assertThat(k).as("fsync calls of a first update: the log line and its directory")
                            .isGreaterThanOrEqualTo(2);
                    return;
                }
                assertFailedWithoutAck(app, reply, agent, key);
                restartIfLatched(app);
                Reply retry = update(app.client(), agent, key, "first");
                assertThat(retry.status()).as(retry.raw()).isEqualTo(200);
                assertThat(seq(retry)).isEqualTo(1);
                assertThat(seq(update(app.client(), agent, key, "second"))).isEqualTo(2);
                app.flushCheckpoints();
                new StoreInvariants(dataDir).assertHold();
            }
            throw new AssertionError("an update never completed without a fault");
        }
    }

    @Test
    void eachFsyncOfARegistrationFailingOnce() {
        try (RunningApp app = RunningApp.start(dataDir, ARGS)) {
            app.client().register("first_registered");
            for (int k = 0; k < 10; k++) {
                String agent = "registered_" + k;
                app.bean(FaultyFsync.class).arm(Fault.once(Target.ANY, k, FaultyFsync.EIO));
                Reply reply = app.client().post("/api/v1/agents", null, Map.of("agent_id", agent));
                boolean hit = app.bean(FaultyFsync.class).failures() > 0;
                app.bean(FaultyFsync.class).disarm();
                if (!hit) {
                    assertThat(reply.status()).isEqualTo(201);
                    return;
                }
                assertThat(reply.status()).as(reply.raw()).isIn(500, 503);
                assertThat(code(reply)).isIn("STORAGE_ERROR", "STORE_READ_ONLY");
                restartIfLatched(app);
                Reply retry = app.client().post("/api/v1/agents", null, Map.of("agent_id", agent));
                // 409: the rename went through before the directory fsync failed; no key was handed out for it
                assertThat(retry.status()).as(retry.raw()).isIn(201, 409);
                DataDirChecks.assertJsonFilesParse(dataDir);
                DataDirChecks.assertNoTempFiles(dataDir);
            }
            throw new AssertionError("a registration never completed without a fault");
        }
    }

    @Test
    void aPersistentFsyncFailureKeepsTheStoreReadOnlyUntilTheMarkerIsRemoved() throws Exception {
        try (RunningApp app = RunningApp.start(dataDir, ARGS)) {
            String key = app.client().register("stuck_agent");
            Reply before = update(app.client(), "stuck_agent", key, "before");
            assertThat(before.status()).isEqualTo(200);
            app.bean(FaultyFsync.class).arm(Fault.always(Target.ANY, FaultyFsync.EIO));
            Reply failed = update(app.client(), "stuck_agent", key, "during");
            assertThat(failed.status()).as(failed.raw()).isEqualTo(500);
            assertThat(code(failed)).isEqualTo("STORAGE_ERROR");
            assertThat(failed.body().get("details").get("committed").asString()).isEqualTo("unknown");
            app.bean(FaultyFsync.class).disarm();
            Reply refused = update(app.client(), "stuck_agent", key, "after");
            assertThat(refused.status()).isEqualTo(503);
            assertThat(code(refused)).isEqualTo("STORE_READ_ONLY");
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
            assertThat(app.client().post("/api/v1/agents", null, Map.of("agent_id", "late_comer")).status())
                    .isEqualTo(503);
            assertThat(app.client().get("/api/v1/agents/stuck_agent/metrics", key).status()).isEqualTo(200);
            Reply replay = update(app.client(), "stuck_agent", key, "before");
            assertThat(replay.status()).as("a replay is a read: %s", replay.raw()).isEqualTo(200);
            assertThat(seq(replay)).isEqualTo(seq(before));
            assertThat(app.client().get("/actuator/health/readiness", null).status()).isEqualTo(503);
            assertThat(dataDir.resolve(StoreHealth.MARKER)).isRegularFile();

            app.restart();
            assertThat(app.client().get("/actuator/health/readiness", null).status())
                    .as("a restart alone does not clear the shared marker").isEqualTo(503);
            assertThat(code(update(app.client(), "stuck_agent", key, "after"))).isEqualTo("STORE_READ_ONLY");
            Files.delete(dataDir.resolve(StoreHealth.MARKER));
            app.restart();
            assertThat(app.client().get("/actuator/health/readiness", null).status()).isEqualTo(200);
            assertThat(seq(update(app.client(), "stuck_agent", key, "during"))).isEqualTo(seq(before) + 1);
            assertThat(update(app.client(), "stuck_agent", key, "after").status()).isEqualTo(200);
            app.flushCheckpoints();
            new StoreInvariants(dataDir).assertHold();
        }
    }

    @Test
    void aFailedFdatasyncOfAnAppendCutsTheLineBackSoARetryWithoutAKeyIsAppliedOnce() throws Exception {
        try (RunningApp app = RunningApp.start(dataDir, ARGS)) {
            String key = app.client().register("cut_agent");
            assertThat(update(app.client(), "cut_agent", key, "first").status()).isEqualTo(200);
            app.bean(FaultyFsync.class).arm(new Fault(Target.FILE, FailedFsyncTest::isUpdateLog, 0,
                    FaultyFsync.EIO, false));
            Reply failed = updateWithoutKey(app.client(), "cut_agent", key);
            app.bean(FaultyFsync.class).disarm();

            assertThat(failed.status()).as(failed.raw()).isEqualTo(500);
            assertThat(code(failed)).isEqualTo("STORAGE_ERROR");
            assertThat(failed.body().get("details").get("committed").asString()).isEqualTo("unknown");
            assertThat(new StoreInvariants(dataDir).logOf("cut_agent")).as("the failed append was cut back")
                    .hasSize(1);
            Reply served = app.client().get("/api/v1/agents/cut_agent/metrics", key);
            assertThat(served.status()).isEqualTo(200);
            assertThat(served.body().get("state").get("update_count").asLong()).as("the cut line is not served")
                    .isEqualTo(1);

            Files.delete(dataDir.resolve(StoreHealth.MARKER));
            app.restart();
            Reply retry = updateWithoutKey(app.client(), "cut_agent", key);
            assertThat(retry.status()).as(retry.raw()).isEqualTo(200);
            assertThat(seq(retry)).as("the retry is the second update, not the third").isEqualTo(2);
            app.flushCheckpoints();
            new StoreInvariants(dataDir).assertHold();
        }
    }

    @Test
    void aSecondInstanceOnTheDataDirectoryRefusesWritesOnceTheFirstLatched() throws Exception {
        try (RunningApp first = RunningApp.start(dataDir, ARGS);
                RunningApp second = RunningApp.start(dataDir, "--govflow.governance.loop-detection=false")) {
            String key = first.client().register("shared_agent");
            Reply committed = update(second.client(), "shared_agent", key, "committed");
            assertThat(committed.status()).as(committed.raw()).isEqualTo(200);
            first.bean(FaultyFsync.class).arm(new Fault(Target.FILE, FailedFsyncTest::isUpdateLog, 0,
                    FaultyFsync.EIO, false));
            Reply failed = update(first.client(), "shared_agent", key, "fails");
            first.bean(FaultyFsync.class).disarm();
            assertThat(code(failed)).as(failed.raw()).isEqualTo("STORAGE_ERROR");

            assertThat(second.client().get("/actuator/health/readiness", null).status()).isEqualTo(503);
            Reply refused = update(second.client(), "shared_agent", key, "elsewhere");
            assertThat(refused.status()).as(refused.raw()).isEqualTo(503);
            assertThat(code(refused)).isEqualTo("STORE_READ_ONLY");
            assertThat(second.client().post("/api/v1/agents", null, Map.of("agent_id", "late_comer")).status())
                    .isEqualTo(503);
            Reply replay = update(second.client(), "shared_agent", key, "committed");
            assertThat(replay.status()).as("a replay is a read: %s", replay.raw()).isEqualTo(200);
            assertThat(seq(replay)).isEqualTo(seq(committed));

            Files.delete(dataDir.resolve(StoreHealth.MARKER));
            assertThat(second.client().get("/actuator/health/readiness", null).status())
                    .as("the instance that only saw the marker writes again once it is removed").isEqualTo(200);
            assertThat(update(second.client(), "shared_agent", key, "elsewhere").status()).isEqualTo(200);
            assertThat(code(update(first.client(), "shared_agent", key, "again")))
                    .as("the instance whose fsync failed stays latched until it restarts").isEqualTo("STORE_READ_ONLY");
        }
    }

    private static boolean isUpdateLog(Path path) {
        return path.getFileName().toString().endsWith("_updates.jsonl");
    }

    private static void assertFailedWithoutAck(RunningApp app, Reply reply, String agent, String key) {
        assertThat(reply.status()).as(reply.raw()).isIn(500, 503);
        assertThat(code(reply)).as(reply.raw()).isIn("STORAGE_ERROR", "STORE_READ_ONLY");
        if (code(reply).equals("STORAGE_ERROR")) {
            assertThat(reply.body().get("details").has("committed")).as(reply.raw()).isTrue();
        }
        boolean latched = app.bean(StoreHealth.class).readOnly();
        assertThat(app.client().get("/actuator/health/readiness", null).status()).isEqualTo(latched ? 503 : 200);
        if (latched) {
            Reply next = update(app.client(), agent, key, "while-read-only");
            assertThat(next.status()).isEqualTo(503);
            assertThat(code(next)).isEqualTo("STORE_READ_ONLY");
            assertThat(app.client().get("/api/v1/agents/" + agent + "/metrics", key).status()).isEqualTo(200);
        }
    }

    /**
     * A latched store stays read-only until its shared marker is removed and the instance restarts; otherwise the
     * retry goes to the same running service.
     */
    private static void restartIfLatched(RunningApp app) {
        if (app.bean(StoreHealth.class).readOnly()) {
            try {
                Files.delete(app.dataDir().resolve(StoreHealth.MARKER));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            app.restart();
        }
    }

    private static Reply update(ApiClient client, String agent, String key, String idempotencyKey) {
        return client.send("POST", "/api/v1/agents/" + agent + "/updates", key,
                Map.of("complexity", 0.4, "confidence", 0.8), Map.of("Idempotency-Key", idempotencyKey));
    }

    private static Reply updateWithoutKey(ApiClient client, String agent, String key) {
        return client.send("POST", "/api/v1/agents/" + agent + "/updates", key,
                Map.of("complexity", 0.4, "confidence", 0.8), Map.of());
    }

    private static long seq(Reply reply) {
        return reply.body().get("metrics").get("updates").asLong();
    }

    private static String code(Reply reply) {
        return reply.body().get("error_code").asString();
    }
}
