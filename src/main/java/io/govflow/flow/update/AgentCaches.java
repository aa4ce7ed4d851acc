package io.govflow.flow.update;

import org.springframework.stereotype.Component;

/**
 * Everything this instance holds in memory about one agent: its view (state and log end), the metadata lines and
 * the state checkpoint it still owes, and the idempotency keys of its last lines. A purge drops them all.
 */
@Component
public class AgentCaches {

    private final AgentStateLoader loader;
    private final MetadataCheckpoints metadataCheckpoints;
    private final StateCheckpoints stateCheckpoints;
    private final IdempotencyIndex idempotency;

    AgentCaches(AgentStateLoader loader, MetadataCheckpoints metadataCheckpoints, StateCheckpoints stateCheckpoints,
            IdempotencyIndex idempotency) {
        this.loader = loader;
        this.metadataCheckpoints = metadataCheckpoints;
        this.stateCheckpoints = stateCheckpoints;
        this.idempotency = idempotency;
    }

    /** Call under the agent's lock; waits for a metadata group commit under way to end. */
    public void forget(String agentId) {
        metadataCheckpoints.forget(agentId);
        stateCheckpoints.forget(agentId);
        idempotency.forget(agentId);
        loader.forget(agentId);
    }
}
