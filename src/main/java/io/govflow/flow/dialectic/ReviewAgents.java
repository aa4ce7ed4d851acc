package io.govflow.flow.dialectic;

import java.util.Map;

import org.springframework.stereotype.Component;

import io.govflow.error.ErrorCode;
import io.govflow.error.GovflowException;
import io.govflow.flow.update.EffectiveRecords;
import io.govflow.store.agent.AgentRecord;
import io.govflow.store.agent.AgentStatus;
import io.govflow.store.agent.MetadataStore;

/** The agents taking part in reviews, as the metadata file knows them. */
@Component
class ReviewAgents {

    static final String SYSTEM = "system";

    private final MetadataStore metadata;
    private final EffectiveRecords effectiveRecords;

    ReviewAgents(MetadataStore metadata, EffectiveRecords effectiveRecords) {
        this.metadata = metadata;
        this.effectiveRecords = effectiveRecords;
    }

    /** A registered, not deleted agent ({@code AGENT_NOT_FOUND} / {@code AGENT_DELETED} otherwise). */
    AgentRecord registered(String agentId) {
        AgentRecord record = metadata.find(agentId).map(effectiveRecords::effective).orElseThrow(
                () -> GovflowException.withDetails(ErrorCode.AGENT_NOT_FOUND, Map.of("agent_id", agentId), agentId));
        if (record.status() == AgentStatus.DELETED) {
            throw GovflowException.withDetails(ErrorCode.AGENT_DELETED, Map.of("agent_id", agentId), agentId);
        }
        return record;
    }

    boolean isRegistered(String agentId) {
        return metadata.find(agentId).isPresent();
    }

    /** Whether a reviewer can still answer: the system, or an agent that is active or waiting for input. */
    boolean available(String agentId) {
        if (SYSTEM.equals(agentId)) {
            return true;
        }
        return metadata.find(agentId).map(effectiveRecords::effective).map(AgentRecord::status)
                .filter(s -> s == AgentStatus.ACTIVE || s == AgentStatus.WAITING_INPUT).isPresent();
    }

    static GovflowException unavailable(String reason) {
        return GovflowException.withDetails(ErrorCode.REVIEW_UNAVAILABLE, Map.of("reason", reason));
    }
}
