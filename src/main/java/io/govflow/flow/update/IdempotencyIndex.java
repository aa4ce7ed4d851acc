package io.govflow.flow.update;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import io.govflow.config.GovflowProperties;
import io.govflow.store.agent.UpdateLogEntry;
import io.govflow.store.agent.UpdateLogStore;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Idempotency keys of each agent's last W update-log lines, with the seq of the line that holds each key. Built
 * from the log the first time a key is asked about, then kept in step: with our own commits, and with another
 * process's appends by reading only the lines after the last seq it knows. A replay reads its line back from the
 * log (replays are rare; holding every line would cost far more memory).
 *
 * <p>Bounded: past {@link #MAX_KEYS} keys in all, the least recently used agents are dropped; they are rebuilt
 * from their logs on their next keyed update. Callers hold the agent's lock; the map itself is guarded by this
 * object's monitor.
 */
@Component
class IdempotencyIndex {

    /** Keys held across all agents (each costs about a hundred bytes). */
    static final int MAX_KEYS = 200_000;

    private final UpdateLogStore updateLog;
    private final int window;
    private final int maxKeys;
    private final LinkedHashMap<String, AgentKeys> byAgent = new LinkedHashMap<>(16, 0.75f, true);
    private int keysHeld;
    private final AtomicLong linesRead = new AtomicLong();

    @Autowired
    IdempotencyIndex(UpdateLogStore updateLog, GovflowProperties properties) {
        this(updateLog, properties.history().window(), MAX_KEYS);
    }

    IdempotencyIndex(UpdateLogStore updateLog, int window, int maxKeys) {
        this.updateLog = updateLog;
        this.window = window;
        this.maxKeys = maxKeys;
    }

    Optional<UpdateLogEntry> find(String agentId, String key) {
        long logSeq = updateLog.lastSeq(agentId);
        AgentKeys keys = held(agentId);
        if (keys == null || logSeq < keys.seq || logSeq - keys.seq > window || !rollForward(agentId, keys, logSeq)) {
            keys = rebuild(agentId, logSeq);
        }
        admit(agentId, keys);
        Long seq = keys.seqByKey.get(key);
        return seq == null ? Optional.empty() : Optional.of(entryAt(agentId, key, seq, logSeq));
    }

    void committed(String agentId, UpdateLogEntry entry) {
        AgentKeys keys = held(agentId);
        if (keys == null) {
            return;
        }
        if (keys.seq != entry.seq() - 1) {
            drop(agentId);
            return;
        }
        keys.add(entry, window);
        admit(agentId, keys);
    }

    /** Log lines this index has read (for tests: a foreign append costs its own lines, not a rebuild). */
    long linesRead() {
        return linesRead.get();
    }

    synchronized int agentsHeld() {
        return byAgent.size();
    }

    synchronized int keysHeld() {
        return keysHeld;
    }

    /** Adds the lines another process appended after the seq we know; false when they do not follow on. */
    private boolean rollForward(String agentId, AgentKeys keys, long logSeq) {
        if (logSeq == keys.seq) {
            return true;
        }
        List<UpdateLogEntry> added = read(agentId, (int) (logSeq - keys.seq));
        if (added.isEmpty() || added.get(0).seq() != keys.seq + 1) {
            return false;
        }
        for (UpdateLogEntry entry : added) {
            keys.add(entry, window);
        }
        return keys.seq == logSeq;
    }

    private AgentKeys rebuild(String agentId, long logSeq) {
        AgentKeys keys = new AgentKeys();
        for (UpdateLogEntry entry : read(agentId, window)) {
            keys.add(entry, window);
        }
        keys.seq = logSeq;
        return keys;
    }

    private UpdateLogEntry entryAt(String agentId, String key, long seq, long logSeq) {
        List<UpdateLogEntry> tail = read(agentId, (int) (logSeq - seq + 1));
        if (!tail.isEmpty() && tail.get(0).seq() == seq && key.equals(tail.get(0).idempotencyKey())) {
            return tail.get(0);
        }
        // the log changed under us (repair, restore): look the key up in what is there now
        for (UpdateLogEntry entry : read(agentId, window)) {
            if (key.equals(entry.idempotencyKey())) {
                return entry;
            }
        }
        drop(agentId);
        throw new IllegalStateException("idempotency key vanished from the update log under the agent lock");
    }

    private List<UpdateLogEntry> read(String agentId, int lines) {
        List<UpdateLogEntry> entries = updateLog.readTail(agentId, lines);
        linesRead.addAndGet(entries.size());
        return entries;
    }

    private synchronized @Nullable AgentKeys held(String agentId) {
        return byAgent.get(agentId);
    }

    /** Puts the agent's keys in (most recently used) and drops least recently used agents over the bound. */
    private synchronized void admit(String agentId, AgentKeys keys) {
        AgentKeys previous = byAgent.put(agentId, keys);
        if (previous != null && previous != keys) {
            keysHeld -= previous.counted;
            previous.counted = 0;
        }
        keysHeld += keys.size() - keys.counted;
        keys.counted = keys.size();
        Iterator<Map.Entry<String, AgentKeys>> eldest = byAgent.entrySet().iterator();
        while (keysHeld > maxKeys && byAgent.size() > 1) {
            AgentKeys evicted = eldest.next().getValue();
            eldest.remove();
            keysHeld -= evicted.counted;
            evicted.counted = 0;
        }
    }

    /** A purged agent's keys: its log is gone, and an id registered afresh starts without them. */
    void forget(String agentId) {
        drop(agentId);
    }

    private synchronized void drop(String agentId) {
        AgentKeys removed = byAgent.remove(agentId);
        if (removed != null) {
            keysHeld -= removed.counted;
            removed.counted = 0;
        }
    }

    /** Keys of one agent's last W lines, with the seq they were built up to. */
    private static final class AgentKeys {
        private final Map<String, Long> seqByKey = new HashMap<>();
        private final Deque<KeyAt> order = new ArrayDeque<>();
        private long seq;
        /** The size last counted in {@code keysHeld}; only touched under the index's monitor. */
        private int counted;

        void add(UpdateLogEntry entry, int window) {
            String key = entry.idempotencyKey();
            if (key != null) {
                seqByKey.put(key, entry.seq());
                order.addLast(new KeyAt(entry.seq(), key));
            }
            while (!order.isEmpty() && order.peekFirst().seq() <= entry.seq() - window) {
                KeyAt old = order.removeFirst();
                seqByKey.remove(old.key(), old.seq());
            }
            seq = entry.seq();
        }

        int size() {
            return order.size();
        }
    }

    private record KeyAt(long seq, String key) {
    }
}
