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
     * @param action {@code quarantine_torn_log_tail}, {@code quarantine_state_file}, {@code roll_forward}, or
     *        {@code left_for_operator} for a problem repair cannot fix (never done)
     * @param problem the problem code it fixes
     * @param quarantinedTo where damaged bytes went (relative to the data directory), when known
     * @param done false in a dry run
     * @param explanation why a problem is left for an operator and what the operator can do (null otherwise)
     */
    public record Action(String agentId, String action, String problem, @Nullable String quarantinedTo,
            boolean done, @Nullable String explanation) {

        public Action(String agentId, String action, String problem, @Nullable String quarantinedTo, boolean done) {
            this(agentId, action, problem, quarantinedTo, done, null);
        }
    }
}
