package io.govflow.durability.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.govflow.store.agent.UpdateLogEntry;
import io.govflow.support.ApiClient;
import io.govflow.support.ApiClient.Reply;
import io.govflow.support.StoreInvariants;

/**
 * {@code POST /api/v1/agents/{id}/updates} on a few shared agents, a fifth of them with an Idempotency-Key and
 * some of those retried. Checks: every acknowledged seq is in the agent's log; a key's retry answers the seq of
 * its first success; a key appears on exactly one log line.
 */
public final class UpdatesWorkload implements Workload {

    private static final List<Double> DRIFT = List.of(0.05, 0.0, 0.0);

    private final int agents;
    private final String prefix;
    private final AcknowledgedSeqs acked = new AcknowledgedSeqs();
    private final Map<String, Long> idempotent = new ConcurrentHashMap<>();
    private final AtomicLong keyCounter = new AtomicLong();
    private final Answers answers = new Answers();

    public UpdatesWorkload(int agents, String prefix) {
        this.agents = agents;
        this.prefix = prefix;
    }

    @Override
    public String name() {
        return "updates";
    }

    @Override
    public int weight() {
        return 6;
    }

    @Override
    public void prepare(ApiClient client) {
        acked.register(client, prefix + "_agent_", agents);
    }

    @Override
    public void step(ApiClient client, Random random) {
        String agent = prefix + "_agent_" + random.nextInt(agents);
        String idempotencyKey = null;
        Map<String, String> headers = Map.of();
        double complexity = 0.3 + random.nextDouble() * 0.4;
        if (random.nextInt(5) == 0) {
            idempotencyKey = retryOrNew(agent, random);
            headers = Map.of("Idempotency-Key", idempotencyKey);
            complexity = 0.3 + Math.floorMod(idempotencyKey.hashCode(), 40) / 100.0; // a retry sends the same body
        }
        Reply reply = client.send("POST", "/api/v1/agents/" + agent + "/updates", acked.key(agent),
                Map.of("complexity", complexity, "confidence", 0.9, "ethical_drift", DRIFT), headers);
        if (Answers.acknowledged(reply)) {
            long seq = reply.body().get("metrics").get("updates").asLong();
            acked.add(agent, seq);
            if (idempotencyKey != null) {
                Long first = idempotent.putIfAbsent(agent + "/" + idempotencyKey, seq);
                if (first != null && first != seq) {
                    answers.contradiction("Idempotency-Key " + idempotencyKey + " answered seq " + seq + " after "
                            + first);
                }
            }
        } else {
            answers.unlessExplained(name(), reply);
        }
    }

    private String retryOrNew(String agent, Random random) {
        if (random.nextBoolean()) {
            for (String used : idempotent.keySet()) {
                if (used.startsWith(agent + "/")) {
                    return used.substring(agent.length() + 1);
                }
            }
        }
        return prefix + "-" + keyCounter.incrementAndGet();
    }

    @Override
    public Check acknowledged() {
        Map<String, Set<Long>> seqs = acked.snapshot();
        Map<String, Long> keyed = new HashMap<>(idempotent);
        return (Path dataDir, ApiClient client) -> {
            StoreInvariants store = new StoreInvariants(dataDir);
            for (Map.Entry<String, Set<Long>> agent : seqs.entrySet()) {
                List<UpdateLogEntry> log = store.logOf(agent.getKey());
                List<Long> inLog = new ArrayList<>(log.stream().map(UpdateLogEntry::seq).toList());
                assertThat(inLog).as("acknowledged updates of %s", agent.getKey()).containsAll(agent.getValue());
                for (Map.Entry<String, Long> entry : keyed.entrySet()) {
                    if (entry.getKey().startsWith(agent.getKey() + "/")) {
                        String key = entry.getKey().substring(agent.getKey().length() + 1);
                        assertThat(log.stream().filter(e -> key.equals(e.idempotencyKey())).map(UpdateLogEntry::seq))
                                .as("log lines of Idempotency-Key %s", key).containsExactly(entry.getValue());
                    }
                }
            }
        };
    }

    /** Every agent's log holds exactly the acknowledged seqs, 1..n, and its metadata counts n. */
    @Override
    public Check acknowledgedExactly() {
        Check acknowledged = acknowledged();
        Map<String, Integer> counts = acked.counts();
        return (Path dataDir, ApiClient client) -> {
            acknowledged.verify(dataDir, client);
            StoreInvariants store = new StoreInvariants(dataDir);
            for (Map.Entry<String, Integer> agent : counts.entrySet()) {
                assertThat(store.agents().get(agent.getKey()).totalUpdates())
                        .as("total_updates of %s == acknowledged updates", agent.getKey()).isEqualTo(agent.getValue().longValue());
                assertThat(store.logOf(agent.getKey())).hasSize(agent.getValue());
            }
        };
    }

    /** Acknowledged updates per agent so far. */
    public Map<String, Integer> acknowledgedCounts() {
        return acked.counts();
    }

    @Override
    public List<String> problems() {
        return answers.problems();
    }
}
