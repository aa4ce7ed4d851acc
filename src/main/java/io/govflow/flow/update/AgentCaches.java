package io.govflow.flow.update;

import java.util.List;

import org.springframework.stereotype.Component;

/**
 * Everything this instance holds in memory about one agent: its view (state and log end), the metadata lines and
 * the state checkpoint it still owes, the idempotency keys of its last lines, and what the {@link CommitObserver}s
 * keep of it. A purge drops them all.
 */
@Component
public class AgentCaches {

    private final AgentStateLoader loader;
    private final MetadataCheckpoints metadataCheckpoints;
    private final StateCheckpoints stateCheckpoints;
    private final IdempotencyIndex idempotency;
    private final List<CommitObserver> observers;

    AgentCaches(AgentStateLoader loader, MetadataCheckpoints metadataCheckpoints, StateCheckpoints stateCheckpoints,
            IdempotencyIndex idempotency, List<CommitObserver> observers) {
        this.observers = List.copyOf(observers);
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
        observers.forEach(observer -> observer.forgotten(agentId));
    }
}
