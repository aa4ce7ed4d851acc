package io.govflow.flow.agent;

import io.govflow.store.agent.AgentRecord;

/** A new agent and its key, which is shown this once and never stored in clear. */
public record Registration(String apiKey, AgentRecord record) {
}
