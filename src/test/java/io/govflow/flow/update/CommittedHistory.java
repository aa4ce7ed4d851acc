package io.govflow.flow.update;

import java.util.Map;

import io.govflow.engine.GovernanceEngine;
import io.govflow.engine.GovernanceState;
import io.govflow.engine.Thresholds;
import io.govflow.engine.UpdateResult;
import io.govflow.store.agent.AgentRecord;
import io.govflow.store.agent.StateFile;
import io.govflow.store.agent.UpdateLogEntry;

/**
 * One agent's updates computed the way {@link UpdateFlow} commits them (engine step, log line, state checkpoint,
 * per-update metadata fields), without any I/O: benchmarks write large histories straight to disk with it. Only
 * the path of an active agent without a loop guard or enforced pause is covered.
 */
public final class CommittedHistory {

    private final GovernanceEngine engine = new GovernanceEngine();
    private final GovernanceState state;
    private AgentRecord record;

    public CommittedHistory(AgentRecord registered, int window) {
        this.state = GovernanceState.fresh(window);
        this.record = registered;
    }

    /** Commits one update at {@code timestamp} with the default thresholds and returns its log line. */
    public UpdateLogEntry next(UpdateCommand command, String timestamp) {
        UpdateResult result = engine.process(state, command.toInput(), Thresholds.DEFAULTS, timestamp);
        UpdateLogEntry entry = CommittedUpdates.toEntry(result, state, command, timestamp, null, Thresholds.DEFAULTS, null);
        record = MetadataChanges.applyCommitted(record, entry, timestamp);
        return entry;
    }

    /** The state-file checkpoint at the last update. */
    public StateFile stateFile() {
        return StateMapping.toStateFile(state, Map.of());
    }

    /** The metadata record at the last update. */
    public AgentRecord record() {
        return record;
    }
}
