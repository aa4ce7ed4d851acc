package io.govflow.flow.agent;

import io.govflow.store.agent.AgentRecord;

/** A newly issued key, shown this once (only its hash is stored), and the agent's record after the change. */
public record IssuedKey(String apiKey, AgentRecord record) {
}
