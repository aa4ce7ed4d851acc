package io.govflow.durability.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.govflow.support.ApiClient;
import io.govflow.support.ApiClient.Reply;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/v1/discoveries} by two agents into the shared knowledge graph, and status changes by their
 * owners ({@code PATCH /api/v1/discoveries/{did}}). Checks: every acknowledged discovery is in the graph with its summary
 * (from either service of a two-process run: none lost).
 */
public final class DiscoveriesWorkload implements Workload {

    private static final int AGENTS = 2;

    private final String prefix;
    private final Map<String, String> keys = new ConcurrentHashMap<>();
    private final Map<String, String> acked = new ConcurrentHashMap<>();
    private final Map<String, String> owners = new ConcurrentHashMap<>();
    private final AtomicLong counter = new AtomicLong();
    private final Answers answers = new Answers();

    public DiscoveriesWorkload(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public String name() {
        return "discoveries";
    }

    @Override
    public int weight() {
        return 2;
    }

    @Override
    public void prepare(ApiClient client) {
        for (int a = 0; a < AGENTS; a++) {
            keys.put(agent(a), client.register(agent(a)));
        }
    }

    @Override
    public void step(ApiClient client, Random random) {
        String agent = agent(random.nextInt(AGENTS));
        if (!acked.isEmpty() && random.nextInt(4) == 0) {
            String did = acked.keySet().iterator().next();
            answers.unlessExplained(name(), client.send("PATCH", "/api/v1/discoveries/" + did, keys.get(owners.get(did)),
                    Map.of("status", random.nextBoolean() ? "resolved" : "open", "note", "checked under load"),
                    Map.of()));
            return;
        }
        String summary = prefix + " finding " + counter.incrementAndGet();
        Reply reply = client.post("/api/v1/discoveries", keys.get(agent), Map.of("agent_id", agent, "type",
                "insight", "summary", summary, "tags", List.of("harness", prefix), "severity", "low"));
        if (Answers.acknowledged(reply)) {
            String did = reply.body().get("discovery_id").asString();
            owners.put(did, agent);
            acked.put(did, summary);
        } else {
            answers.unlessExplained(name(), reply);
        }
    }

    @Override
    public Check acknowledged() {
        Map<String, String> discoveries = new HashMap<>(acked);
        String key = keys.get(agent(0));
        return (Path dataDir, ApiClient client) -> {
            for (Map.Entry<String, String> discovery : discoveries.entrySet()) {
                Reply read = client.get("/api/v1/discoveries/" + discovery.getKey(), key);
                assertThat(read.status()).as("acknowledged discovery %s: %s", discovery.getKey(), read.raw())
                        .isEqualTo(200);
                JsonNode stored = read.body().get("discovery");
                assertThat(stored.get("summary").asString()).isEqualTo(discovery.getValue());
            }
        };
    }

    @Override
    public List<String> problems() {
        return answers.problems();
    }

    private String agent(int index) {
        return prefix + "_finder_" + index;
    }
}
