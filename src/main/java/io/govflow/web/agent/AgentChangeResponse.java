package io.govflow.web.agent;

import io.govflow.store.agent.AgentRecord;

/** The answer to a metadata edit or a lifecycle transition: the agent as it is now. */
public record AgentChangeResponse(boolean success, AgentView agent) {

    static AgentChangeResponse of(AgentRecord record) {
        return new AgentChangeResponse(true, AgentView.of(record));
    }
}
