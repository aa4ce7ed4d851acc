package io.govflow.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Threads posting updates for several agents through one address (the balancer), each to a random agent, until
 * stopped. Each update carries its own Idempotency-Key; when its outcome is unknown (the connection broke, or the
 * balancer or the service answered 502, 503 or 504) it is sent again with the same key until it has an answer,
 * so every update is acknowledged exactly once, with its seq ({@code metrics.updates}) recorded per agent.
 */
final class ClusterLoad {

    static final int AGENTS = 3;
    static final int THREADS = 4;
    private static final int MAX_ATTEMPTS = 60;
    private static final Duration PAUSE = Duration.ofMillis(500);

    private final GovflowApi api;
    private final List<String> agents;
    private final Map<String, String> keys;
    private final Map<String, Set<Long>> acknowledged = new ConcurrentHashMap<>();
    private final AtomicLong count = new AtomicLong();
    private final AtomicLong repeated = new AtomicLong();
    private final AtomicReference<String> failure = new AtomicReference<>();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final List<Thread> threads = new ArrayList<>();

    ClusterLoad(GovflowApi api, Map<String, String> keys, long seed) {
        this.api = api;
        this.keys = Map.copyOf(keys);
        this.agents = List.copyOf(keys.keySet());
        agents.forEach(agent -> acknowledged.put(agent, ConcurrentHashMap.newKeySet()));
        for (int i = 0; i < THREADS; i++) {
            Random random = new Random(seed + i);
            Thread thread = new Thread(() -> run(random), "it-cluster-writer-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    private void run(Random random) {
        while (!stopped.get() && failure.get() == null) {
            String agent = agents.get(random.nextInt(agents.size()));
            try {
                long seq = updateUntilAnswered(agent, UUID.randomUUID().toString());
                if (seq > 0 && !acknowledged.get(agent).add(seq)) {
                    failure.compareAndSet(null, "seq " + seq + " of " + agent + " acknowledged twice");
                }
                count.incrementAndGet();
            } catch (UpdateFailed e) {
                failure.compareAndSet(null, e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The seq the update got; the same key is repeated while the outcome is unknown. */
    private long updateUntilAnswered(String agent, String idempotencyKey) throws InterruptedException {
        String last = "";
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            try {
                GovflowApi.Response response = api.update(agent, keys.get(agent), idempotencyKey);
                if (response.status() == 200) {
                    JsonNode seq = response.json().at("/metrics/updates");
                    if (!seq.isNumber()) {
                        throw new UpdateFailed("no metrics.updates in " + response.text());
                    }
                    return seq.asLong();
                }
                if (response.status() != 502 && response.status() != 503 && response.status() != 504) {
                    throw new UpdateFailed("update of " + agent + ": " + response.status() + " " + response.text());
                }
                last = response.status() + " " + response.text();
            } catch (IOException e) {
                last = e.toString();
            }
            repeated.incrementAndGet();
            Thread.sleep(PAUSE.toMillis());
        }
        throw new UpdateFailed("update of " + agent + " unanswered after " + MAX_ATTEMPTS + " attempts: " + last);
    }

    void awaitAcknowledged(long total, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (count.get() < total && failure.get() == null && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(failure.get()).as("updates are accepted").isNull();
        assertThat(count.get()).as("updates acknowledged within %s", timeout).isGreaterThanOrEqualTo(total);
    }

    void stop() throws InterruptedException {
        stopped.set(true);
        for (Thread thread : threads) {
            thread.join(Duration.ofMinutes(2).toMillis());
            assertThat(thread.isAlive()).as("%s finished", thread.getName()).isFalse();
        }
    }

    long acknowledgedCount() {
        return count.get();
    }

    Set<Long> acknowledged(String agent) {
        return Set.copyOf(acknowledged.get(agent));
    }

    /** Requests sent again with their key because the first answer was lost or was a 502/503/504. */
    long repeated() {
        return repeated.get();
    }

    @Nullable String failure() {
        return failure.get();
    }

    private static final class UpdateFailed extends RuntimeException {

        private static final long serialVersionUID = 1L;

        UpdateFailed(String message) {
            super(message);
        }
    }
}
