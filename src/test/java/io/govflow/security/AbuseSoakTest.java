package io.govflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import io.govflow.support.ApiClient;
import io.govflow.support.ApiClient.Reply;
import io.govflow.support.DataDir;
import io.govflow.support.GovflowApp;
import io.govflow.support.LongHarness;
import io.govflow.support.Replies;
import org.junit.jupiter.api.Test;

/**
 * The acceptance soak of the quotas: ten normal agents post paced updates, first alone (quiet), then while one
 * abusive agent hammers every quota at once (registration and wrong keys from the same address, context writes of
 * large documents, exports, review sessions, discoveries, reads). The normal agents must see no error at all, the
 * abuser must meet every quota, and the data directory must stay under {@link #DATA_BOUND}. The p99 update
 * latency of both runs is printed, not asserted (timings depend on the machine).
 */
@LongHarness
@GovflowApp(args = { "--govflow.security.admin-token=" + AbuseSoakTest.ADMIN,
        "--govflow.governance.loop-detection=false",
        "--govflow.limits.requests.capacity=1000", "--govflow.limits.requests.period=1m",
        "--govflow.limits.registration.capacity=30", "--govflow.limits.registration.period=1h",
        "--govflow.limits.failed-authentications.capacity=20", "--govflow.limits.failed-authentications.period=1m",
        "--govflow.limits.context-writes.capacity=60", "--govflow.limits.context-writes.period=1m",
        "--govflow.limits.exports.capacity=30", "--govflow.limits.exports.period=1h",
        "--govflow.limits.review-sessions.capacity=10", "--govflow.limits.review-sessions.period=1h",
        "--govflow.limits.discoveries.capacity=30", "--govflow.limits.discoveries.period=1m",
        "--govflow.limits.export-files-per-agent=10" })
class AbuseSoakTest {

    static final String ADMIN = "abuse-soak-admin-token-81f2c4d9";
    /**
     * What the abuser can leave on disk within the limits above: 60 context writes of at most 256 KiB (with their
     * previous copies), 10 export files, 30 registrations, 10 sessions and discoveries, plus the normal agents' logs.
     */
    static final long DATA_BOUND = 48L * 1024 * 1024;
    private static final int NORMAL_AGENTS = 10;
    private static final Duration QUIET = Duration.ofSeconds(8);
    private static final Duration ABUSED = Duration.ofSeconds(15);
    private static final long PACE_MILLIS = 50;
    private static final String ABUSER = "abusive_agent";

    static ApiClient client;
    @DataDir
    static Path dataDir;

    private final Map<String, String> keys = new ConcurrentHashMap<>();
    private final List<String> normalErrors = new CopyOnWriteArrayList<>();
    private final Set<String> quotasMet = ConcurrentHashMap.newKeySet();
    private final List<String> unexpected = new CopyOnWriteArrayList<>();
    private final AtomicInteger counter = new AtomicInteger();

    @Test
    void normalAgentsSeeNoErrorWhileOneAgentHammersEveryQuota() throws Exception {
        for (int i = 0; i < NORMAL_AGENTS; i++) {
            keys.put("normal_" + i, register("normal_" + i));
        }
        keys.put(ABUSER, register(ABUSER));

        List<Long> quiet = normalRun(QUIET, List.of());
        List<Long> abused = normalRun(ABUSED, List.of(this::abuseAddressQuotas, this::abuseContext,
                this::abuseFilesSessionsAndDiscoveries, this::abuseReads));

        System.out.printf("abuse soak: %d quiet updates p99 %.1f ms; %d updates under abuse p99 %.1f ms "
                + "(ratio %.2f); data directory %d bytes (bound %d)%n", quiet.size(), p99(quiet), abused.size(),
                p99(abused), p99(abused) / p99(quiet), size(dataDir), DATA_BOUND);
        assertThat(normalErrors).as("answers other than 200 to the normal agents").isEmpty();
        assertThat(unexpected).as("abuser answers other than success, refusal by quota or validation").isEmpty();
        assertThat(quotasMet).contains("registration", "failed-authentications", "context-writes", "exports",
                "EXPORT_QUOTA_EXCEEDED", "review-sessions", "discoveries", "requests");
        assertThat(quiet).isNotEmpty();
        assertThat(abused).isNotEmpty();
        assertThat(size(dataDir)).isLessThan(DATA_BOUND);
    }

    /** Ten agents posting one update every {@link #PACE_MILLIS} while {@code abusers} run; the latencies in ns. */
    private List<Long> normalRun(Duration length, List<Runnable> abusers) throws Exception {
        long end = System.nanoTime() + length.toNanos();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(NORMAL_AGENTS + abusers.size());
        try {
            List<Future<?>> running = new ArrayList<>();
            for (Runnable abuser : abusers) {
                running.add(pool.submit(() -> {
                    while (System.nanoTime() < end) {
                        abuser.run();
                    }
                }));
            }
            for (int i = 0; i < NORMAL_AGENTS; i++) {
                String agent = "normal_" + i;
                running.add(pool.submit(() -> postPaced(agent, end, latencies)));
            }
            for (Future<?> task : running) {
                task.get(length.toSeconds() + 30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        return latencies;
    }

    private void postPaced(String agent, long end, List<Long> latencies) {
        Map<String, Object> update = Map.of("complexity", 0.4, "confidence", 0.8,
                "ethical_drift", List.of(0.05, 0, 0), "response_text", "a normal unit of work");
        while (System.nanoTime() < end) {
            long start = System.nanoTime();
            Reply reply = client.post("/api/v1/agents/" + agent + "/updates", keys.get(agent), update);
            latencies.add(System.nanoTime() - start);
            if (reply.status() != 200) {
                normalErrors.add(agent + ": " + reply.status() + " " + reply.raw());
            }
            sleep(PACE_MILLIS);
        }
    }

    /** Anonymous registrations and wrong keys, from the address the normal agents share. */
    private void abuseAddressQuotas() {
        int n = counter.incrementAndGet();
        expectRefusedOrOk(client.post("/api/v1/agents", null, Map.of("agent_id", "sybil_" + n)), 201);
        expectRefusedOrOk(client.get("/api/v1/agents/normal_0/metrics", "gf_guessed_key_" + n), 401);
    }

    /** Large context documents under new types, so each write would grow the disk. */
    private void abuseContext() {
        int n = counter.incrementAndGet();
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("blob", "x".repeat(600_000));
        d.put("items", Collections.nCopies(2000, "item"));
        expectRefusedOrOk(client.send("PUT", "/api/v1/agents/" + ABUSER + "/context/abuse.t" + n, keys.get(ABUSER),
                Map.of("src", "abuser", "d", d), Map.of()), 201);
    }

    private void abuseFilesSessionsAndDiscoveries() {
        String key = keys.get(ABUSER);
        expectRefusedOrOk(client.post("/api/v1/agents/" + ABUSER + "/exports", key, Map.of()), 201);
        // a session may open (201) or find no reviewer (409): only the count matters here
        expectRefusedOrOk(client.post("/api/v1/dialectic/sessions", key,
                Map.of("agent_id", ABUSER, "reason", "again")), 201, 409);
        expectRefusedOrOk(client.post("/api/v1/discoveries", key, Map.of("agent_id", ABUSER, "type", "insight",
                "summary", "noise " + counter.incrementAndGet())), 201);
    }

    private void abuseReads() {
        expectRefusedOrOk(client.get("/api/v1/agents/" + ABUSER + "/metrics", keys.get(ABUSER)), 200);
    }

    /** The abuser's answer: its expected status, or a refusal by a quota (recorded), nothing else. */
    private void expectRefusedOrOk(Reply reply, int... expected) {
        if (reply.status() == 429) {
            String quota = reply.body().at("/details/quota").asString("");
            quotasMet.add(quota.isEmpty() ? "exact-discoveries-per-hour" : quota);
        } else if (reply.status() == 409 && reply.raw().contains("EXPORT_QUOTA_EXCEEDED")) {
            quotasMet.add("EXPORT_QUOTA_EXCEEDED");
        } else if (Arrays.stream(expected).noneMatch(status -> status == reply.status())) {
            unexpected.add(reply.status() + " " + Replies.abbreviated(reply.raw()));
        }
    }

    private static String register(String agentId) {
        Reply reply = client.post("/api/v1/agents", ADMIN, Map.of("agent_id", agentId));
        assertThat(reply.status()).as(reply.raw()).isEqualTo(201);
        return reply.body().get("api_key").asString();
    }

    private static double p99(List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return sorted.get(Math.max(0, (int) Math.ceil(sorted.size() * 0.99) - 1)) / 1e6;
    }

    private static long size(Path dir) throws Exception {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(path -> {
                try {
                    return Files.size(path);
                } catch (java.io.IOException e) {
                    return 0; // removed while walking (a temp file)
                }
            }).sum();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
