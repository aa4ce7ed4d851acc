package io.govflow.flow.update;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A bounded, least-recently-used cache of loaded agent states. Only a hint: callers check the cached sequence
 * against the update log before trusting it, because another process may have appended.
 */
final class AgentStateCache {

    private final Map<String, LoadedAgent> entries;

    AgentStateCache(int capacity) {
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, LoadedAgent> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized @Nullable LoadedAgent get(String agentId, long expectedSeq) {
        LoadedAgent cached = entries.get(agentId);
        return cached != null && cached.seq() == expectedSeq ? cached : null;
    }

    synchronized void put(String agentId, LoadedAgent loaded) {
        entries.put(agentId, loaded);
    }

    synchronized void evict(String agentId) {
        entries.remove(agentId);
    }
}
