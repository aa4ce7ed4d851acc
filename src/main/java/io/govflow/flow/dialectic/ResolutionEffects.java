package io.govflow.flow.dialectic;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.govflow.flow.agent.AgentLifecycle;
import io.govflow.flow.knowledge.KnowledgeService;
import io.govflow.flow.update.EffectiveRecords;
import io.govflow.store.agent.AgentRecord;
import io.govflow.store.agent.AgentStatus;
import io.govflow.store.agent.LifecycleEvent;
import io.govflow.store.agent.MetadataStore;
import io.govflow.store.dialectic.DialecticSession;
import io.govflow.store.io.Timestamps;

/**
 * What a resolution does outside the session file. Resume: the paused agent becomes active through the lifecycle
 * service, with a {@code resumed} event carrying the agreed conditions, only when it passes the resume safety check
 * ({@code UNSAFE_RESUME} otherwise: two agents agreeing is not evidence of safety; the admin can still resume it). Block: an active agent is paused. A disputed discovery becomes {@code resolved} (resume) or
 * {@code open} again (block), with a note. Called with the agent's lock held; a deleted agent is left alone.
 */
@Component
class ResolutionEffects {

    private final AgentLifecycle lifecycle;
    private final MetadataStore metadata;
    private final KnowledgeService knowledge;
    private final Clock clock;
    private final EffectiveRecords effectiveRecords;

    ResolutionEffects(AgentLifecycle lifecycle, MetadataStore metadata, KnowledgeService knowledge,
            Clock clock, EffectiveRecords effectiveRecords) {
        this.effectiveRecords = effectiveRecords;
        this.lifecycle = lifecycle;
        this.metadata = metadata;
        this.knowledge = knowledge;
        this.clock = clock;
    }

    void resume(DialecticSession session, List<String> conditions) {
        if (registered(session.pausedAgentId()).isPresent()) {
            lifecycle.resume(session.pausedAgentId(), "Resumed by dialectic session " + session.sessionId(),
                    conditions, true);
        }
        settleDiscovery(session, "resolved", "Dispute settled by dialectic session " + session.sessionId()
                + " (resume); agreed conditions: " + String.join("; ", conditions));
    }

    void block(DialecticSession session, String reason) {
        if (registered(session.pausedAgentId()).isPresent()) {
            String now = Timestamps.now(clock);
            long logSeq = effectiveRecords.lastSeq(session.pausedAgentId());
            metadata.update(session.pausedAgentId(), stored -> effectiveRecords.operatorChange(stored, logSeq,
                    record -> pauseIfRunning(record, now, "Paused: dialectic session " + session.sessionId()
                            + " blocked the resolution (" + reason + ")")));
        }
        settleDiscovery(session, "open", "Dialectic session " + session.sessionId()
                + " blocked the proposed correction (" + reason + "); the discovery stands as recorded");
    }

    private Optional<AgentRecord> registered(String agentId) {
        return metadata.find(agentId).filter(r -> r.status() != AgentStatus.DELETED);
    }

    private static AgentRecord pauseIfRunning(AgentRecord record, String now, String reason) {
        if (record.status() != AgentStatus.ACTIVE && record.status() != AgentStatus.WAITING_INPUT) {
            return record;
        }
        return record.withStatus(AgentStatus.PAUSED).withPausedAt(now)
                .withLifecycleEvent(LifecycleEvent.of("paused", now, reason));
    }

    private void settleDiscovery(DialecticSession session, String status, String note) {
        if (session.discoveryId() != null) {
            knowledge.settleDispute(session.discoveryId(), status, note, "dialectic");
        }
    }
}
