package io.govflow.flow.update;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import java.util.stream.LongStream;

import io.govflow.support.FileStoreOnly;
import io.govflow.store.agent.UpdateLogEntry;
import io.govflow.store.io.LockHandle;
import io.govflow.store.io.LockKey;
import io.govflow.store.io.LockManager;
import io.govflow.support.ApiClient;
import io.govflow.support.ApiClient.Reply;
import io.govflow.support.DataDir;
import io.govflow.support.FileTree;
import io.govflow.support.GovflowApp;
import io.govflow.support.RunningApp;
import io.govflow.support.StoreInvariants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

/** The update flow end to end over real HTTP on a real data directory. */
@ExtendWith(OutputCaptureExtension.class)
@GovflowApp(args = "--govflow.governance.loop-detection=false")
class UpdateFlowHttpTest {

    private static final Pattern UTC_MICROS = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}");

    @DataDir
    static Path dataDir;

    static RunningApp app;
    static ApiClient client;

    @Test
    void sixteenThreadsOnOneAgentLoseNothing() throws Exception {
        String key = client.register("busy_agent");
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<List<Integer>>> results = new ArrayList<>();
        for (int t = 0; t < 16; t++) {
            results.add(pool.submit(() -> {
                List<Integer> statuses = new ArrayList<>();
                for (int n = 0; n < 50; n++) {
                    statuses.add(client.post("/api/v1/agents/busy_agent/updates", key, Map.of("confidence", 0.9))
                            .status());
                }
                return statuses;
            }));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<List<Integer>> result : results) {
            statuses.addAll(result.get());
        }
        pool.shutdown();
        assertThat(statuses).hasSize(800).containsOnly(200);
        List<Long> seqs = new StoreInvariants(dataDir).logOf("busy_agent").stream().map(UpdateLogEntry::seq)
                .toList();
        assertThat(seqs).containsExactlyElementsOf(LongStream.rangeClosed(1, 800).boxed().toList());
        JsonNode metrics = client.get("/api/v1/agents/busy_agent/metrics", key).body();
        assertThat(metrics.get("state").get("update_count").asLong()).isEqualTo(800);
        new StoreInvariants(dataDir).assertCheckpointsNotAhead();
        app.flushCheckpoints();
        new StoreInvariants(dataDir).assertHold();
    }

    @Test
    void lockHeldPastTimeoutAnswersLockTimeout() {
        String key = client.register("locked_agent");
        try (LockHandle held = app.bean(LockManager.class).acquire(LockKey.agent("locked_agent"))) {
            Reply reply = client.post("/api/v1/agents/locked_agent/updates", key, Map.of());
            assertThat(reply.status()).isEqualTo(503);
            assertThat(reply.body().get("error_code").asString()).isEqualTo("LOCK_TIMEOUT");
            assertThat(reply.headers().firstValue("Retry-After")).isPresent();
        }
        assertThat(client.post("/api/v1/agents/locked_agent/updates", key, Map.of()).status()).isEqualTo(200);
    }

    @Test
    void sameIdempotencyKeyAppliesOnce() {
        String key = client.register("idem_agent");
        Map<String, String> headers = Map.of("Idempotency-Key", "job-42");
        Map<String, Object> body = Map.of("complexity", 0.3, "ethical_drift", List.of(0.1, 0, 0));
        Reply first = client.send("POST", "/api/v1/agents/idem_agent/updates", key, body, headers);
        Reply second = client.send("POST", "/api/v1/agents/idem_agent/updates", key, body, headers);
        assertThat(first.status()).isEqualTo(200);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.raw()).isEqualTo(first.raw());
        assertThat(new StoreInvariants(dataDir).logOf("idem_agent")).hasSize(1);
        Reply reused = client.send("POST", "/api/v1/agents/idem_agent/updates", key, Map.of("complexity", 0.9),
                headers);
        assertThat(reused.status()).isEqualTo(409);
        assertThat(reused.body().get("error_code").asString()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
    }

    @Test
    void simulationsChangeNothingOnDisk() {
        String key = client.register("sim_agent");
        client.post("/api/v1/agents/sim_agent/updates", key, Map.of());
        Path agentFiles = dataDir;
        app.flushCheckpoints();
        Map<String, String> before = FileTree.fingerprint(agentFiles);
        for (int n = 0; n < 20; n++) {
            Reply reply = client.post("/api/v1/agents/sim_agent/simulations", key,
                    Map.of("ethical_drift", List.of(0.8, 0.5, 0.3)));
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.body().get("simulation").asBoolean()).isTrue();
            assertThat(reply.body().get("metrics").get("updates").asLong()).isEqualTo(2);
        }
        client.get("/api/v1/agents/sim_agent/metrics", key);
        client.get("/api/v1/agents/sim_agent", key);
        assertThat(FileTree.fingerprint(agentFiles)).isEqualTo(before);
    }

    @Test
    void readsNeverCreateLockFiles() {
        String key = client.register("reader_agent");
        String otherKey = client.register("reader_peer");
        client.get("/api/v1/agents/reader_agent/metrics", otherKey);
        client.post("/api/v1/agents/reader_agent/simulations", key, Map.of());
        assertThat(Files.exists(dataDir.resolve("agents/.reader_agent_state.lock"))).isFalse();
    }

    @FileStoreOnly
    @Test
    void credentialsAreCheckedAndNeverLeak(CapturedOutput output) throws Exception {
        String key = client.register("auth_agent");
        String otherKey = client.register("auth_other");
        String path = "/api/v1/agents/auth_agent/updates";
        assertCode(client.post(path, null, Map.of()), 401, "AUTHENTICATION_REQUIRED");
        assertCode(client.post(path, "gvf_not-a-real-key", Map.of()), 401, "AUTHENTICATION_FAILED");
        assertCode(client.post(path, otherKey, Map.of()), 401, "AUTHENTICATION_FAILED");
        assertCode(client.get("/api/v1/agents/auth_agent/metrics", null), 401, "AUTHENTICATION_REQUIRED");
        Reply ok = client.post(path, key, Map.of());
        assertThat(ok.status()).isEqualTo(200);
        Reply agent = client.get("/api/v1/agents/auth_agent", otherKey);
        assertThat(agent.body().get("agent").get("has_api_key").asBoolean()).isTrue();
        String metadata = Files.readString(dataDir.resolve("agent_metadata.json"));
        assertThat(metadata).doesNotContain(key).doesNotContain(otherKey).contains("\"api_key\": \"sha256:");
        for (Reply reply : List.of(ok, agent, client.get("/api/v1/agents/auth_agent/metrics", key))) {
            assertThat(reply.raw()).doesNotContain(key).doesNotContain(otherKey).doesNotContain("sha256:");
        }
        assertThat(output.getAll()).doesNotContain(key).doesNotContain(otherKey);
    }

    @Test
    void timestampsAreUtcWithSixFractionDigits() {
        String key = client.register("clock_agent");
        java.time.Instant before = java.time.Instant.now();
        Reply reply = client.post("/api/v1/agents/clock_agent/updates", key, Map.of());
        String ts = reply.body().get("timestamp").asString();
        assertThat(ts).matches(UTC_MICROS);
        java.time.Instant parsed = java.time.LocalDateTime.parse(ts).toInstant(java.time.ZoneOffset.UTC);
        assertThat(parsed).isBetween(before.minusSeconds(2), java.time.Instant.now().plusSeconds(2));
        UpdateLogEntry entry = new StoreInvariants(dataDir).logOf("clock_agent").get(0);
        assertThat(entry.ts()).isEqualTo(ts);
        assertThat(new StoreInvariants(dataDir).agents().get("clock_agent").createdAt()).matches(UTC_MICROS);
    }

    @Test
    void registeringTwiceIsAConflict() {
        client.register("twice_agent");
        assertCode(client.post("/api/v1/agents", null, Map.of("agent_id", "twice_agent")), 409, "AGENT_EXISTS");
    }

    private static void assertCode(Reply reply, int status, String code) {
        assertThat(reply.status()).as(reply.raw()).isEqualTo(status);
        assertThat(reply.body().get("error_code").asString()).isEqualTo(code);
    }
}
