package io.govflow.flow.consistency;

import org.jspecify.annotations.Nullable;

import io.govflow.store.agent.AgentRecord;
import io.govflow.store.agent.LogScan;
import io.govflow.store.agent.StateFile;
import io.govflow.store.agent.UpdateLogEntry;

/**
 * What was read of one agent's files. A damaged file is flagged, never read as absent.
 *
 * @param log the log's shape (EMPTY when there is no log)
 * @param last the last committed log line
 * @param state the state file in {@code agents/}, else a legacy {@code {data}/{id}_state.json} not yet migrated
 */
record AgentSnapshot(String agentId, @Nullable AgentRecord record, LogScan log, boolean logCorrupt,
        @Nullable UpdateLogEntry last, @Nullable StateFile state, boolean stateCorrupt) {

    boolean hasLog() {
        return log.lastSeq() > 0 || logCorrupt;
    }
}
