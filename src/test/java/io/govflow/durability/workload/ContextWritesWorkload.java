package io.govflow.durability.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

import io.govflow.support.ApiClient;
import io.govflow.support.ApiClient.Reply;
import tools.jackson.databind.JsonNode;

/**
 * {@code PUT /api/v1/agents/{id}/context/{type}} of three document types of one tenant. Writes of a type are
 * serialized by the workload, each carrying a higher number, so after recovery the document must be served from
 * its flat file (not a fallback), fresh, with the last acknowledged number or a later one.
 */
public final class ContextWritesWorkload implements Workload {

    private static final int TYPES = 3;

    private final String agent;
    private volatile String key = "";
    private final Map<String, ReentrantLock> writers = new ConcurrentHashMap<>();
    private final Map<String, Long> acked = new ConcurrentHashMap<>();
    private final AtomicLong counter = new AtomicLong();
    private final Answers answers = new Answers();

    public ContextWritesWorkload(String prefix) {
        this.agent = prefix + "_tenant";
    }

    @Override
    public String name() {
        return "context writes";
    }

    @Override
    public int weight() {
        return 2;
    }

    @Override
    public void prepare(ApiClient client) {
        key = client.register(agent);
        for (int t = 0; t < TYPES; t++) {
            writers.put(type(t), new ReentrantLock());
        }
    }

    @Override
    public void step(ApiClient client, Random random) {
        String type = type(random.nextInt(TYPES));
        ReentrantLock writer = writers.get(type);
        if (!writer.tryLock()) {
            return;
        }
        try {
            long n = counter.incrementAndGet();
            Reply reply = client.send("PUT", "/api/v1/agents/" + agent + "/context/" + type, key,
                    Map.of("src", "harness", "d", Map.of("n", n, "label", "written under load", "items",
                            List.of("a", "b", "c"))), Map.of());
            if (Answers.acknowledged(reply)) {
                acked.put(type, n);
            } else {
                answers.unlessExplained(name(), reply);
            }
        } finally {
            writer.unlock();
        }
    }

    @Override
    public Check acknowledged() {
        Map<String, Long> last = new HashMap<>(acked);
        String tenantKey = key;
        return (Path dataDir, ApiClient client) -> {
            for (Map.Entry<String, Long> type : last.entrySet()) {
                Reply read = client.get("/api/v1/agents/" + agent + "/context/" + type.getKey() + "?view=full",
                        tenantKey);
                assertThat(read.status()).as(read.raw()).isEqualTo(200);
                JsonNode body = read.body();
                assertThat(body.get("source").asString()).as("served from its file: %s", read.raw())
                        .isEqualTo("flat_file");
                assertThat(body.get("stale").asBoolean()).isFalse();
                assertThat(body.get("document").get("d").get("n").asLong())
                        .as("context %s: the last acknowledged write or a later one", type.getKey())
                        .isGreaterThanOrEqualTo(type.getValue());
            }
        };
    }

    @Override
    public List<String> problems() {
        return answers.problems();
    }

    private static String type(int index) {
        return "harness.doc" + index;
    }
}
