package io.govflow.durability.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.govflow.flow.auth.ApiKeys;
import io.govflow.store.agent.AgentRecord;
import io.govflow.support.ApiClient;
import io.govflow.support.ApiClient.Reply;
import io.govflow.support.StoreInvariants;

/**
 * {@code POST /api/v1/agents} with fresh ids. Checks: every agent whose registration was acknowledged is in the
 * metadata with the hash of the key it was given, and (for a few) the key still authenticates.
 */
public final class RegistrationsWorkload implements Workload {

    private final String prefix;
    private final AtomicLong counter = new AtomicLong();
    private final Map<String, String> acked = new ConcurrentHashMap<>();
    private final Answers answers = new Answers();

    public RegistrationsWorkload(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public String name() {
        return "registrations";
    }

    @Override
    public void prepare(ApiClient client) {
        // nothing: every step registers a new agent
    }

    @Override
    public void step(ApiClient client, Random random) {
        String id = prefix + "_reg_" + counter.incrementAndGet();
        Reply reply = client.post("/api/v1/agents", null, Map.of("agent_id", id, "tags", List.of("harness"),
                "notes", "registered under load"));
        if (Answers.acknowledged(reply)) {
            acked.put(id, reply.body().get("api_key").asString());
        } else {
            answers.unlessExplained(name(), reply);
        }
    }

    @Override
    public Check acknowledged() {
        Map<String, String> registered = new HashMap<>(acked);
        return (Path dataDir, ApiClient client) -> {
            Map<String, AgentRecord> records = new StoreInvariants(dataDir).agents();
            int probes = 0;
            for (Map.Entry<String, String> agent : registered.entrySet()) {
                AgentRecord record = records.get(agent.getKey());
                assertThat(record).as("acknowledged registration of %s", agent.getKey()).isNotNull();
                assertThat(record.apiKey()).isEqualTo(ApiKeys.hash(agent.getValue()));
                if (probes++ < 3) {
                    assertThat(client.get("/api/v1/agents/" + agent.getKey(), agent.getValue()).status())
                            .as("key of %s still authenticates", agent.getKey()).isEqualTo(200);
                }
            }
        };
    }

    /** The agents registered under this workload's prefix are exactly the acknowledged ones. */
    @Override
    public Check acknowledgedExactly() {
        Check acknowledged = acknowledged();
        java.util.Set<String> ids = new java.util.HashSet<>(acked.keySet());
        return (Path dataDir, ApiClient client) -> {
            acknowledged.verify(dataDir, client);
            assertThat(new StoreInvariants(dataDir).agents().keySet().stream()
                    .filter(id -> id.startsWith(prefix + "_reg_"))).containsExactlyInAnyOrderElementsOf(ids);
        };
    }

    @Override
    public List<String> problems() {
        return answers.problems();
    }
}
