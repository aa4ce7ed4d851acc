package io.govflow.flow.dialectic;

import java.util.function.Function;

import org.springframework.stereotype.Component;

import io.govflow.engine.MetricsSnapshot;
import io.govflow.error.GovflowException;
import io.govflow.flow.update.UpdateFlow;
import io.govflow.store.dialectic.DialecticSession;
import io.govflow.store.dialectic.SessionStore;
import io.govflow.store.io.LockHandle;
import io.govflow.store.io.LockKey;
import io.govflow.store.io.LockManager;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Creating sessions (a fresh id, stored under its lock) and the snapshot of the paused agent's metrics. */
@Component
class SessionFiles {

    private final SessionStore sessions;
    private final LockManager locks;
    private final UpdateFlow updateFlow;

    SessionFiles(SessionStore sessions, LockManager locks, UpdateFlow updateFlow) {
        this.sessions = sessions;
        this.locks = locks;
        this.updateFlow = updateFlow;
    }

    /** Derives an id that is not taken yet, and stores the session built for it under the session lock. */
    DialecticSession createNew(String pausedAgentId, String reviewerAgentId, String createdAt,
            Function<String, DialecticSession> build) {
        for (int attempt = 0;; attempt++) {
            String sessionId = SessionIds.derive(pausedAgentId, reviewerAgentId, createdAt, attempt);
            try (LockHandle ignored = locks.acquire(LockKey.session(sessionId))) {
                if (sessions.exists(sessionId)) {
                    continue;
                }
                DialecticSession session = build.apply(sessionId);
                if (sessions.createIfAbsent(session)) {
                    return session;
                }
            }
        }
    }

    /** The paused agent's metrics at request time (the reference's fields); empty when they cannot be read. */
    ObjectNode pausedAgentState(String agentId) {
        ObjectNode state = JsonNodeFactory.instance.objectNode();
        MetricsSnapshot m;
        try {
            m = updateFlow.metrics(agentId).snapshot();
        } catch (GovflowException unreadable) {
            return state;
        }
        state.put("attention_score", m.attentionScore());
        state.put("phi", m.phi());
        state.put("verdict", m.verdict());
        state.put("risk_score", m.attentionScore());
        state.put("coherence", m.coherence());
        state.put("void_active", m.voidActive());
        state.put("E", m.e());
        state.put("I", m.i());
        state.put("S", m.s());
        state.put("V", m.v());
        return state;
    }
}
