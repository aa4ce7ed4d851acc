package io.govflow.flow.context;

import org.springframework.stereotype.Component;

import io.govflow.error.ErrorCode;
import io.govflow.error.GovflowException;
import io.govflow.store.agent.AgentRecord;
import io.govflow.store.agent.AgentStatus;
import io.govflow.store.agent.MetadataStore;

/** The tenant of a context request must be a registered agent; deleted agents are read-only. */
@Component
class Tenants {

    private final MetadataStore metadata;

    Tenants(MetadataStore metadata) {
        this.metadata = metadata;
    }

    AgentRecord require(String agentId) {
        return metadata.find(agentId).orElseThrow(() -> new GovflowException(ErrorCode.AGENT_NOT_FOUND, agentId));
    }

    void requireWritable(String agentId) {
        if (require(agentId).status() == AgentStatus.DELETED) {
            throw new GovflowException(ErrorCode.AGENT_DELETED, agentId);
        }
    }
}
