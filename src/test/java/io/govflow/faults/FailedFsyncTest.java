package io.govflow.faults;

import static org.assertj.core.api.Assertions.assertThat;

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
 * fsync latches the store read-only (readiness DOWN, every later write refused, reads still served) until
 * restart, and after the restart (where one is due) the retry with the same Idempotency-Key is applied exactly once.
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
                // a checkpoint that failed after the commit is rolled forward by the next update (or a restart)
                acked.add(seq(update(app.client(), "fsync_agent", key, "next-" + k)));
                new StoreInvariants(dataDir).assertHold();
            }
            assertThat(faultsHit).as("fsync calls of one update").isGreaterThanOrEqualTo(5);
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
                    assertThat(k).as("fsync calls of a first update").isGreaterThanOrEqualTo(6);
                    return;
                }
                assertFailedWithoutAck(app, reply, agent, key);
                restartIfLatched(app);
                Reply retry = update(app.client(), agent, key, "first");
                assertThat(retry.status()).as(retry.raw()).isEqualTo(200);
                assertThat(seq(retry)).isEqualTo(1);
                assertThat(seq(update(app.client(), agent, key, "second"))).isEqualTo(2);
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
    void aPersistentFsyncFailureKeepsTheStoreReadOnlyUntilRestart() {
        try (RunningApp app = RunningApp.start(dataDir, ARGS)) {
            String key = app.client().register("stuck_agent");
            assertThat(update(app.client(), "stuck_agent", key, "before").status()).isEqualTo(200);
            app.bean(FaultyFsync.class).arm(Fault.always(Target.ANY, FaultyFsync.EIO));
            Reply failed = update(app.client(), "stuck_agent", key, "during");
            assertThat(code(failed)).isEqualTo("STORE_READ_ONLY");
            app.bean(FaultyFsync.class).disarm();
            Reply refused = update(app.client(), "stuck_agent", key, "after");
            assertThat(refused.status()).isEqualTo(503);
            assertThat(code(refused)).isEqualTo("STORE_READ_ONLY");
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
            assertThat(app.client().post("/api/v1/agents", null, Map.of("agent_id", "late_comer")).status())
                    .isEqualTo(503);
            assertThat(app.client().get("/api/v1/agents/stuck_agent/metrics", key).status()).isEqualTo(200);
            assertThat(app.client().get("/actuator/health/readiness", null).status()).isEqualTo(503);
            app.restart();
            assertThat(app.client().get("/actuator/health/readiness", null).status()).isEqualTo(200);
            assertThat(update(app.client(), "stuck_agent", key, "after").status()).isEqualTo(200);
            new StoreInvariants(dataDir).assertHold();
        }
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

    /** A latched store stays read-only until restart; otherwise the retry goes to the same running service. */
    private static void restartIfLatched(RunningApp app) {
        if (app.bean(StoreHealth.class).readOnly()) {
            app.restart();
        }
    }

    private static Reply update(ApiClient client, String agent, String key, String idempotencyKey) {
        return client.send("POST", "/api/v1/agents/" + agent + "/updates", key,
                Map.of("complexity", 0.4, "confidence", 0.8), Map.of("Idempotency-Key", idempotencyKey));
    }

    private static long seq(Reply reply) {
        return reply.body().get("metrics").get("updates").asLong();
    }

    private static String code(Reply reply) {
        return reply.body().get("error_code").asString();
    }
}
