package io.govflow.durability.workload;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.govflow.support.ApiClient;

/** A workload's own agents, each with its key and the update seqs acknowledged to it so far. */
final class AcknowledgedSeqs {

    private final Map<String, String> keys = new ConcurrentHashMap<>();
    private final Map<String, Set<Long>> acked = new ConcurrentHashMap<>();

    /** Registers {@code count} agents named {@code prefix0}, {@code prefix1}, … */
    void register(ApiClient client, String prefix, int count) {
        for (int a = 0; a < count; a++) {
            String id = prefix + a;
            keys.put(id, client.register(id));
            acked.put(id, ConcurrentHashMap.newKeySet());
        }
    }

    String key(String agent) {
        return keys.get(agent);
    }

    void add(String agent, long seq) {
        acked.get(agent).add(seq);
    }

    /** A copy of every agent's acknowledged seqs as they are now. */
    Map<String, Set<Long>> snapshot() {
        Map<String, Set<Long>> seqs = new HashMap<>();
        acked.forEach((agent, set) -> seqs.put(agent, new HashSet<>(set)));
        return seqs;
    }

    /** How many updates each agent has acknowledged so far. */
    Map<String, Integer> counts() {
        Map<String, Integer> counts = new HashMap<>();
        acked.forEach((agent, set) -> counts.put(agent, set.size()));
        return counts;
    }
}
