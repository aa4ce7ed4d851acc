package io.govflow.durability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.govflow.durability.workload.Harness;
import io.govflow.support.ApiClient;
import io.govflow.support.ApiClient.Reply;
import io.govflow.support.ChildService;
import io.govflow.support.LongHarness;
import io.govflow.support.PostgresTestServer;

/**
 * Two service JVMs (replicas, each with its own data directory) on one PostgreSQL database update the SAME agents
 * concurrently, and one of them is SIGKILLed mid-load: no acknowledged update is lost, each agent's log is 1..n,
 * every 200's seq holds exactly its request's Idempotency-Key, no key is applied twice (unanswered requests are
 * retried with their key on the surviving replica afterwards), and the survivor keeps serving. Runs for
 * {@code pgreplicas.seconds} (6 by default).
 */
@LongHarness
class TwoReplicasOnPostgresTest {

    private static final Logger LOG = LoggerFactory.getLogger(TwoReplicasOnPostgresTest.class);
    private static final List<String> AGENTS = List.of("replica_a", "replica_b", "replica_c");
    private static final int CLIENTS_PER_REPLICA = 4;
    private static final Set<String> FAILURES = Set.of("DATABASE_UNAVAILABLE", "LOCK_TIMEOUT", "STORAGE_ERROR");

    @TempDir
    Path work;

    /** One update request: its answer (status 0: none, the replica died), or the seq acknowledged. */
    private record Sent(String agent, String key, int status, long seq, @Nullable String code) {
    }

    @Test
    void twoReplicasOnOneDatabaseLoseNothingWhenOneIsKilled() throws Exception {
        long millis = Long.getLong("pgreplicas.seconds", 6) * 1000;
        PostgresTestServer.Database db = PostgresTestServer.get().newDatabase("replicas");
        String[] args = Harness.serviceArgs(db.appArgs().toArray(String[]::new));
        try (ChildService left = new ChildService(Files.createDirectories(work.resolve("left")),
                work.resolve("left.log"), args);
                ChildService right = new ChildService(Files.createDirectories(work.resolve("right")),
                        work.resolve("right.log"), args)) {
            left.start();
            right.start();
            Map<String, String> keys = new HashMap<>();
            AGENTS.forEach(agent -> keys.put(agent, left.client().register(agent)));

            ConcurrentLinkedQueue<Sent> sent = new ConcurrentLinkedQueue<>();
            AtomicBoolean running = new AtomicBoolean(true);
            ExecutorService pool = Executors.newFixedThreadPool(2 * CLIENTS_PER_REPLICA);
            List<Future<?>> clients = new ArrayList<>();
            for (int c = 0; c < 2 * CLIENTS_PER_REPLICA; c++) {
                ApiClient client = (c % 2 == 0 ? left : right).client();
                String agent = AGENTS.get(c % AGENTS.size());
                clients.add(pool.submit(() -> {
                    boolean answered = true;
                    while (running.get() && answered) {
                        Sent one = update(client, agent, keys.get(agent), UUID.randomUUID().toString());
                        sent.add(one);
                        answered = one.status() != 0; // its replica is gone
                    }
                }));
            }
            try {
                Thread.sleep(millis / 2);
                right.kill();
                Thread.sleep(millis / 2);
            } finally {
                running.set(false);
                for (Future<?> f : clients) {
                    f.get();
                }
                pool.shutdown();
            }

            List<Sent> answers = new ArrayList<>(sent);
            List<Sent> stored = new ArrayList<>();
            for (Sent s : answers) {
                if (s.status() == 200) {
                    stored.add(s);
                    continue;
                }
                assertThat(s.status() == 0 || FAILURES.contains(s.code())).as("answer %s", s).isTrue();
                Sent again = update(left.client(), s.agent(), keys.get(s.agent()), s.key());
                assertThat(again.status()).as("retry of %s on the survivor: %s", s, again).isEqualTo(200);
                stored.add(again);
            }
            LOG.info("two replicas: {} requests, answers by status {}", answers.size(), answers.stream().collect(
                    Collectors.groupingBy(s -> s.status() + (s.code() == null ? "" : " " + s.code()), TreeMap::new,
                            Collectors.counting())));
            assertThat(answers.stream().filter(s -> s.status() == 200).count()).isPositive();
            assertStored(db, stored);
            for (String agent : AGENTS) {
                Reply record = left.client().get("/api/v1/agents/" + agent, keys.get(agent));
                assertThat(record.status()).as(record.raw()).isEqualTo(200);
                assertThat(record.body().get("agent").get("total_updates").asLong())
                        .as("%s's total_updates is its last seq", agent).isEqualTo(lastSeq(stored, agent));
            }
        }
    }

    private static Sent update(ApiClient client, String agent, String key, String idempotencyKey) {
        Reply reply;
        try {
            reply = client.send("POST", "/api/v1/agents/" + agent + "/updates", key, Map.of("complexity", 0.4),
                    Map.of("Idempotency-Key", idempotencyKey));
        } catch (UncheckedIOException e) {
            return new Sent(agent, idempotencyKey, 0, 0, null);
        }
        if (reply.status() == 200) {
            return new Sent(agent, idempotencyKey, 200, reply.body().get("metrics").get("updates").asLong(), null);
        }
        return new Sent(agent, idempotencyKey, reply.status(), 0,
                reply.json() != null && reply.body().has("error_code") ? reply.body().get("error_code").asString()
                        : reply.raw());
    }

    private static long lastSeq(List<Sent> stored, String agent) {
        return stored.stream().filter(s -> s.agent().equals(agent)).mapToLong(Sent::seq).max().orElse(0);
    }

    /** Every acknowledged update is in its agent's log under its own key; the log is 1..n with no key twice. */
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
            assertThat(new HashSet<>(log.values())).as("no key applied twice in %s's log", agent)
                    .hasSize(log.size());
            assertThat(lastSeq(acknowledged, agent)).as("%s: every line acknowledged, at once or on retry", agent)
                    .isEqualTo(log.size());
        }
        for (Sent s : acknowledged) {
            assertThat(logs.get(s.agent())).as("acknowledged %s", s).containsEntry(s.seq(), s.key());
        }
    }
}
