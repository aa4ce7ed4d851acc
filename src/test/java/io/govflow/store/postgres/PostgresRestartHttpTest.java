package io.govflow.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import io.govflow.ops.StoreHealthIndicator;
import io.govflow.support.ApiClient;
import io.govflow.support.ApiClient.Reply;
import io.govflow.support.PostgresTestServer;
import io.govflow.support.RunningApp;
import tools.jackson.databind.JsonNode;

/**
 * The database restarts under load while the service keeps running: meanwhile readiness is DOWN
 * ({@code database: unreachable}) and requests answer {@code DATABASE_UNAVAILABLE} (503, Retry-After); no update is
 * acknowledged without being stored (every 200's seq is in the log, with its Idempotency-Key, exactly once; the
 * log stays 1..n); other answers are only the documented store failures, never claiming a commit; and once the
 * database is back the same service is ready again and serves, and retried keys are never applied twice.
 */
class PostgresRestartHttpTest {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresRestartHttpTest.class);
    private static final Set<String> FAILURES = Set.of("DATABASE_UNAVAILABLE", "LOCK_TIMEOUT", "STORAGE_ERROR");
    private static final List<String> AGENTS = List.of("restart_a", "restart_b", "restart_c");
    private static final int CLIENTS = 4;

    @TempDir
    Path dataDir;

    /** One update request and what came of it. */
    private record Sent(String agent, String key, int status, long seq, @Nullable String code,
            @Nullable JsonNode committed) {
    }

    @Test
    void theDatabaseRestartingMidLoadGivesCleanErrorsAndTheServiceRecovers() throws Exception {
        PostgresTestServer server = PostgresTestServer.get();
        PostgresTestServer.Database db = server.newDatabase("restart");
        List<String> args = new ArrayList<>(db.appArgs());
        args.add("--govflow.governance.loop-detection=false");
        args.add("--spring.datasource.hikari.connection-timeout=1000");
        try (RunningApp app = RunningApp.start(dataDir, args.toArray(String[]::new))) {
            ApiClient client = app.client();
            Map<String, String> keys = new HashMap<>();
            AGENTS.forEach(agent -> keys.put(agent, client.register(agent)));
            assertThat(client.get("/actuator/health/readiness", null).status()).isEqualTo(200);

            ConcurrentLinkedQueue<Sent> sent = new ConcurrentLinkedQueue<>();
            AtomicBoolean running = new AtomicBoolean(true);
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
            List<Future<?>> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                String agent = AGENTS.get(c % AGENTS.size());
                clients.add(pool.submit(() -> {
                    while (running.get()) {
                        sent.add(update(client, agent, keys.get(agent), UUID.randomUUID().toString()));
                    }
                }));
            }
            try {
                awaitUpdates(sent, 20);
                server.stop();
                try {
                    await().atMost(Duration.ofSeconds(30))
                            .until(() -> client.get("/actuator/health/readiness", null).status() == 503);
                    Health health = app.bean(StoreHealthIndicator.class).health();
                    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
                    assertThat(health.getDetails()).containsEntry("database", "unreachable");
                    assertUnavailable(client.get("/api/v1/agents/restart_a", keys.get("restart_a")));
                    assertUnavailable(client.post("/api/v1/agents/restart_a/updates", keys.get("restart_a"),
                            Map.of("complexity", 0.5)));
                    long failedBefore = failed(sent);
                    await().atMost(Duration.ofSeconds(30)).until(() -> failed(sent) >= failedBefore + CLIENTS);
                } finally {
                    server.start();
                }
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> client.get("/actuator/health/readiness", null).status() == 200);
                assertThat(app.bean(StoreHealthIndicator.class).health().getDetails())
                        .containsEntry("database", "reachable");
                int acknowledged = acknowledged(sent);
                awaitUpdates(sent, acknowledged + 20);
            } finally {
                running.set(false);
                for (Future<?> f : clients) {
                    f.get();
                }
                pool.shutdown();
            }

            List<Sent> answers = new ArrayList<>(sent);
            for (Sent s : answers) {
                if (s.status() != 200) {
                    assertThat(s.code()).as("answer %s", s).isIn(FAILURES);
                    assertThat(s.committed() == null || s.committed().isNull() || s.committed().asString()
                            .equals("unknown") || !s.committed().asBoolean()).as("answer %s", s).isTrue();
                }
            }
            assertThat(answers).anyMatch(s -> "DATABASE_UNAVAILABLE".equals(s.code()));
            LOG.info("database restart: {} updates acknowledged, failures by code {}", acknowledged(sent),
                    answers.stream().filter(s -> s.status() != 200).collect(java.util.stream.Collectors.groupingBy(
                            Sent::code, java.util.TreeMap::new, java.util.stream.Collectors.counting())));
            List<Sent> retried = new ArrayList<>();
            for (Sent s : answers) {
                if (s.status() != 200) {
                    Sent again = update(client, s.agent(), keys.get(s.agent()), s.key());
                    assertThat(again.status()).as("retry of %s: %s", s, again).isEqualTo(200);
                    retried.add(again);
                }
            }
            List<Sent> stored = new ArrayList<>(answers.stream().filter(s -> s.status() == 200).toList());
            stored.addAll(retried);
            assertStored(db, stored);
        }
    }

    private static Sent update(ApiClient client, String agent, String key, String idempotencyKey) {
        Reply reply = client.send("POST", "/api/v1/agents/" + agent + "/updates", key, Map.of("complexity", 0.4),
                Map.of("Idempotency-Key", idempotencyKey));
        if (reply.status() == 200) {
            return new Sent(agent, idempotencyKey, 200, reply.body().get("metrics").get("updates").asLong(), null,
                    null);
        }
        JsonNode body = reply.body();
        JsonNode details = body.get("details");
        return new Sent(agent, idempotencyKey, reply.status(), 0,
                body.has("error_code") ? body.get("error_code").asString() : reply.raw(),
                details == null ? null : details.get("committed"));
    }

    private static void assertUnavailable(Reply reply) {
        assertThat(reply.status()).as(reply.raw()).isEqualTo(503);
        assertThat(reply.body().get("error_code").asString()).isEqualTo("DATABASE_UNAVAILABLE");
        assertThat(reply.headers().firstValue("Retry-After")).hasValue("5");
    }

    /** Every acknowledged update is in its agent's log under its key, once; the log is 1..n with no key twice. */
    private static void assertStored(PostgresTestServer.Database db, List<Sent> acknowledged) throws Exception {
        Map<String, Map<Long, String>> logs = new HashMap<>();
        try (Connection c = db.ownerConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT agent_id, seq, line::jsonb ->> 'idempotency_key' FROM update_log ORDER BY agent_id, seq");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                logs.computeIfAbsent(rs.getString(1), a -> new HashMap<>()).put(rs.getLong(2), rs.getString(3));
            }
        }
        for (String agent : AGENTS) {
            Map<Long, String> log = logs.getOrDefault(agent, Map.of());
            for (long seq = 1; seq <= log.size(); seq++) {
                assertThat(log).as("%s's log is 1..n", agent).containsKey(seq);
            }
            assertThat(Set.copyOf(log.values())).as("no key applied twice in %s's log", agent).hasSize(log.size());
        }
        Set<String> seen = new HashSet<>();
        for (Sent s : acknowledged) {
            assertThat(logs.get(s.agent())).as("acknowledged %s", s).containsEntry(s.seq(), s.key());
            assertThat(seen.add(s.agent() + "#" + s.seq()) || isRepeatOfKey(acknowledged, s))
                    .as("seq acknowledged for two keys: %s", s).isTrue();
        }
    }

    private static boolean isRepeatOfKey(List<Sent> acknowledged, Sent s) {
        return acknowledged.stream().filter(o -> o.agent().equals(s.agent()) && o.seq() == s.seq())
                .map(Sent::key).distinct().count() == 1;
    }

    private static void awaitUpdates(ConcurrentLinkedQueue<Sent> sent, int count) {
        await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged(sent) >= count);
    }

    private static int acknowledged(ConcurrentLinkedQueue<Sent> sent) {
        return (int) sent.stream().filter(s -> s.status() == 200).count();
    }

    private static long failed(ConcurrentLinkedQueue<Sent> sent) {
        return sent.stream().filter(s -> s.status() != 200).count();
    }
}
