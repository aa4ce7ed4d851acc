package io.govflow.flow.update;

import io.govflow.store.agent.UpdateLogEntry;
import org.jspecify.annotations.Nullable;

/**
 * Told of every update this instance commits and of every agent whose caches are dropped (a purge), so that views
 * kept outside this package (the fleet index) stay current without reading the logs again. Called under the agent's
 * lock: implementations must be quick and must not throw.
 */
public interface CommitObserver {

    /**
     * @param logEnd where the log ends after the line (its size)
     * @param logKey the log's identity, null when not known
     */
    void committed(String agentId, UpdateLogEntry entry, long logEnd, @Nullable Object logKey);

    /** The agent's caches were dropped; it may be registered afresh with a new log. */
    void forgotten(String agentId);
}
