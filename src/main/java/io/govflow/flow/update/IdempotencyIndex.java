package io.govflow.flow.update;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.govflow.config.GovflowProperties;
import io.govflow.store.agent.UpdateLog;
import io.govflow.store.agent.UpdateLogEntry;
import org.springframework.stereotype.Component;

/**
 * Idempotency keys of an agent's last W update-log lines. Built from the log the first time a key is asked
 * about, then kept in step with commits; rebuilt whenever the log moved without us (another process).
 * Callers hold the agent lock.
 */
@Component
class IdempotencyIndex {

    private final UpdateLog updateLog;
    private final int window;
    private final Map<String, AgentKeys> byAgent = new ConcurrentHashMap<>();

    IdempotencyIndex(UpdateLog updateLog, GovflowProperties properties) {
        this.updateLog = updateLog;
        this.window = properties.history().window();
    }

    Optional<UpdateLogEntry> find(String agentId, String key) {
        long logSeq = updateLog.lastSeq(agentId);
        AgentKeys keys = byAgent.get(agentId);
        if (keys == null || keys.seq != logSeq) {
            keys = new AgentKeys(window);
            for (UpdateLogEntry entry : updateLog.readTail(agentId, window)) {
                keys.add(entry);
            }
            keys.seq = logSeq;
            byAgent.put(agentId, keys);
        }
        return Optional.ofNullable(keys.entries.get(key));
    }

    void committed(String agentId, UpdateLogEntry entry) {
        AgentKeys keys = byAgent.get(agentId);
        if (keys == null) {
            return;
        }
        if (keys.seq != entry.seq() - 1) {
            byAgent.remove(agentId);
            return;
        }
        keys.add(entry);
        keys.seq = entry.seq();
    }

    /** Keys of one agent with the sequence they were built up to. */
    private static final class AgentKeys {
        private final int window;
        private final Map<String, UpdateLogEntry> entries = new HashMap<>();
        private final Deque<UpdateLogEntry> order = new ArrayDeque<>();
        private long seq;

        AgentKeys(int window) {
            this.window = window;
        }

        void add(UpdateLogEntry entry) {
            if (entry.idempotencyKey() != null) {
                entries.put(entry.idempotencyKey(), entry);
                order.addLast(entry);
            }
            while (!order.isEmpty() && order.peekFirst().seq() <= entry.seq() - window) {
                UpdateLogEntry old = order.removeFirst();
                entries.remove(old.idempotencyKey(), old);
            }
        }
    }
}
