package io.govflow.flow.update;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;

/**
 * The per-agent views, bounded by the bytes they hold ({@code govflow.store.cache-bytes}): past the bound the least
 * recently used are dropped (down to 90 % of it, so eviction runs seldom) and loaded again from the store on their
 * next use. Lookups take no shared lock: every update of every agent passes here.
 */
final class AgentViews {

    private static final double EVICT_TO = 0.9;

    /** A view and when it was last used ({@link System#nanoTime()}). */
    private static final class Held {
        private final AgentView view;
        private volatile long lastUse;

        Held(AgentView view) {
            this.view = view;
            this.lastUse = System.nanoTime();
        }
    }

    private final long capacityBytes;
    private final ConcurrentHashMap<String, Held> entries = new ConcurrentHashMap<>();
    private final AtomicLong bytes = new AtomicLong();
    private final Object evicting = new Object();

    AgentViews(long capacityBytes) {
        this.capacityBytes = capacityBytes;
    }

    @Nullable AgentView get(String agentId) {
        Held held = entries.get(agentId);
        if (held == null) {
            return null;
        }
        held.lastUse = System.nanoTime();
        return held.view;
    }

    void put(String agentId, AgentView view) {
        Held previous = entries.put(agentId, new Held(view));
        long total = bytes.addAndGet(view.estimatedBytes() - (previous == null ? 0 : previous.view.estimatedBytes()));
        if (total > capacityBytes) {
            evictLeastRecentlyUsed(agentId);
        }
    }

    void evict(String agentId) {
        Held dropped = entries.remove(agentId);
        if (dropped != null) {
            bytes.addAndGet(-dropped.view.estimatedBytes());
        }
    }

    long bytes() {
        return bytes.get();
    }

    int size() {
        return entries.size();
    }

    /** Drops the least recently used views (never {@code keep}, the one just put) until 90 % of the bound. */
    private void evictLeastRecentlyUsed(String keep) {
        synchronized (evicting) {
            if (bytes.get() <= capacityBytes) {
                return;
            }
            List<Map.Entry<String, Held>> byAge = new ArrayList<>(entries.entrySet());
            byAge.sort(Comparator.comparingLong(entry -> entry.getValue().lastUse));
            long target = (long) (capacityBytes * EVICT_TO);
            for (Map.Entry<String, Held> entry : byAge) {
                if (bytes.get() <= target) {
                    return;
                }
                if (!entry.getKey().equals(keep) && entries.remove(entry.getKey(), entry.getValue())) {
                    bytes.addAndGet(-entry.getValue().view.estimatedBytes());
                }
            }
        }
    }
}
