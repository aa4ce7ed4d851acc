package io.govflow.flow.consistency;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What repair did (or, in a dry run, would do), and the consistency report afterwards (before, in a dry run).
 *
 * @param actions one per fix, in the order they run
 */
public record RepairReport(boolean dryRun, List<Action> actions, ConsistencyReport consistency) {

    /**
     * @param action {@code quarantine_torn_log_tail}, {@code quarantine_state_file} or {@code roll_forward}
     * @param problem the problem code it fixes
     * @param quarantinedTo where damaged bytes went (relative to the data directory), when known
     * @param done false in a dry run
     */
    public record Action(String agentId, String action, String problem, @Nullable String quarantinedTo,
            boolean done) {
    }
}
