package io.govflow.flow.update;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The per-agent views, least recently used first out, bounded by the bytes they hold
 * ({@code govflow.store.cache-bytes}). An evicted view is loaded again from the files on its next use.
 */
final class AgentViews {

    private final long capacityBytes;
    private final LinkedHashMap<String, AgentView> entries = new LinkedHashMap<>(64, 0.75f, true);
    private long bytes;

    AgentViews(long capacityBytes) {
        this.capacityBytes = capacityBytes;
    }

    synchronized @Nullable AgentView get(String agentId) {
        return entries.get(agentId);
    }

    synchronized void put(String agentId, AgentView view) {
        AgentView previous = entries.put(agentId, view);
        bytes += view.estimatedBytes() - (previous == null ? 0 : previous.estimatedBytes());
        Iterator<Map.Entry<String, AgentView>> eldest = entries.entrySet().iterator();
        while (bytes > capacityBytes && entries.size() > 1 && eldest.hasNext()) {
            AgentView dropped = eldest.next().getValue();
            eldest.remove();
            bytes -= dropped.estimatedBytes();
        }
    }

    synchronized void evict(String agentId) {
        AgentView dropped = entries.remove(agentId);
        if (dropped != null) {
            bytes -= dropped.estimatedBytes();
        }
    }

    synchronized long bytes() {
        return bytes;
    }

    synchronized int size() {
        return entries.size();
    }
}
