package io.govflow.durability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.govflow.store.agent.UpdateLogEntry;
import io.govflow.support.ApiClient;
import io.govflow.support.ChildService;
import io.govflow.support.StoreInvariants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service runs as a child JVM; 8 clients post updates to 4 agents; the child is SIGKILLed at a random
 * moment and restarted on the same data directory. Every update that got a 2xx must be in the log, and the
 * commit invariant must hold after start-up recovery. Rounds: {@code soak.rounds} (10 by default, more with
 * {@code -Psoak}); the seed is logged for reproduction.
 */
class CrashRecoveryTest {

    private static final Logger log = LoggerFactory.getLogger(CrashRecoveryTest.class);
    private static final int AGENTS = 4;
    private static final int CLIENTS = 8;

    @TempDir
    Path work;

    @Test
    void acknowledgedUpdatesSurviveSigkill() throws Exception {
        int rounds = Integer.getInteger("soak.rounds", 10);
        long seed = Long.getLong("crash.seed", System.nanoTime());
        log.info("crash harness: rounds={} seed={}", rounds, seed);
        Random random = new Random(seed);
        Path dataDir = Files.createDirectories(work.resolve("data"));
        Map<String, String> keys = new ConcurrentHashMap<>();
        Map<String, ConcurrentLinkedQueue<Long>> acked = new ConcurrentHashMap<>();
        int totalAcked = 0;
        for (int round = 0; round < rounds; round++) {
            try (ChildService child = new ChildService(dataDir, work.resolve("child.log"),
                    "--govflow.governance.loop-detection=false").start()) {
                ApiClient client = child.client();
                if (round == 0) {
                    for (int a = 0; a < AGENTS; a++) {
                        String id = "crash_agent_" + a;
                        keys.put(id, client.register(id));
                        acked.put(id, new ConcurrentLinkedQueue<>());
                    }
                } else {
                    verify(dataDir, acked);
                }
                totalAcked += drive(child, client, keys, acked, 300 + random.nextInt(1200));
            }
        }
        try (ChildService last = new ChildService(dataDir, work.resolve("child.log")).start()) {
            verify(dataDir, acked);
        }
        log.info("crash harness: {} rounds, {} acknowledged updates, all present", rounds, totalAcked);
        assertThat(totalAcked).isGreaterThan(rounds);
    }

    private static int drive(ChildService child, ApiClient client, Map<String, String> keys,
            Map<String, ConcurrentLinkedQueue<Long>> acked, long killAfterMillis) throws InterruptedException {
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<String> agents = new ArrayList<>(keys.keySet());
        int[] count = new int[1];
        for (int c = 0; c < CLIENTS; c++) {
            String agent = agents.get(c % AGENTS);
            pool.submit(() -> {
                while (running.get()) {
                    try {
                        ApiClient.Reply reply = client.post("/api/v1/agents/" + agent + "/updates", keys.get(agent),
                                Map.of("complexity", 0.4, "confidence", 0.9, "ethical_drift", List.of(0.05, 0, 0)));
                        if (reply.status() == 200) {
                            acked.get(agent).add(reply.body().get("metrics").get("updates").asLong());
                            synchronized (count) {
                                count[0]++;
                            }
                        }
                    } catch (RuntimeException connectionLost) {
                        return;
                    }
                }
            });
        }
        Thread.sleep(killAfterMillis);
        child.kill();
        running.set(false);
        pool.shutdown();
        pool.awaitTermination(60, TimeUnit.SECONDS);
        return count[0];
    }

    private static void verify(Path dataDir, Map<String, ConcurrentLinkedQueue<Long>> acked) {
        StoreInvariants invariants = new StoreInvariants(dataDir);
        invariants.assertHold();
        for (Map.Entry<String, ConcurrentLinkedQueue<Long>> agent : acked.entrySet()) {
            List<Long> inLog = invariants.logOf(agent.getKey()).stream().map(UpdateLogEntry::seq).toList();
            assertThat(inLog).as("acknowledged updates of %s", agent.getKey()).containsAll(agent.getValue());
        }
    }
}
