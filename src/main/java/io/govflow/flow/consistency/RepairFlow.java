package io.govflow.flow.consistency;

import static io.govflow.flow.consistency.ConsistencyCodes.*;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.govflow.config.GovflowProperties;
import io.govflow.flow.maintenance.StoreKind;
import io.govflow.flow.update.Checkpoints;
import io.govflow.store.agent.AgentFiles;
import io.govflow.store.agent.UpdateLogStore;
import io.govflow.store.check.Problem;
import io.govflow.store.check.Quarantine;
import io.govflow.store.io.DataDirectory;
import io.govflow.store.io.LockHandle;
import io.govflow.store.io.LockKey;
import io.govflow.store.io.LockManager;
import io.govflow.store.io.StoreHealth;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Repairs what the consistency report can fix without guessing: a torn update-log tail (moved to quarantine,
 * log cut back to its last good line), a damaged state file (moved to quarantine, rebuilt from the log), and
 * state/metadata checkpoints behind the log (rolled forward, the same roll-forward start-up runs), and a state file
 * holding NaN or Infinity over a finite log (moved to quarantine, rebuilt from the log). Nothing is deleted. Other
 * problems are left for an operator and stay in the report; those it is asked about most (non-finite numbers in
 * the log) get a {@code left_for_operator} action that says why.
 */
@Service
public class RepairFlow {

    private static final Set<String> ROLLED_FORWARD = Set.of(CHECKPOINT_LAG, METADATA_BEHIND_LOG, STATE_CORRUPT);
    private static final String NON_FINITE_LOG = "Update-log lines holding NaN or Infinity are committed history: "
            + "repair cannot rewrite them, and every state rebuilt from them would hold the same values. Restore the "
            + "log from a backup taken before the damage, or delete the agent and register a new one.";

    private static final String DAMAGED_ROW = "The agent's state row in PostgreSQL is damaged or holds NaN or "
            + "Infinity; nothing is moved aside in the database. Restore the row with the database's tools, or delete "
            + "it (agent_state) so the next update rebuilds the state from the update log.";

    private final ConsistencyChecker checker;
    private final UpdateLogStore updateLog;
    private final Checkpoints checkpoints;
    private final LockManager locks;
    private final DataDirectory dataDirectory;
    private final AgentFiles agentFiles;
    private final Quarantine quarantine;
    private final StoreHealth health;
    private final StoreKind storeKind;

    public RepairFlow(ConsistencyChecker checker, UpdateLogStore updateLog, Checkpoints checkpoints, LockManager locks,
            DataDirectory dataDirectory, AgentFiles agentFiles, StoreHealth health, Clock clock,
            GovflowProperties properties) {
        this.storeKind = StoreKind.of(properties);
        this.checker = checker;
        this.updateLog = updateLog;
        this.checkpoints = checkpoints;
        this.locks = locks;
        this.dataDirectory = dataDirectory;
        this.agentFiles = agentFiles;
        this.health = health;
        this.quarantine = new Quarantine(dataDirectory, health, clock);
    }

    public RepairReport repair(@Nullable String agentId, boolean dryRun) {
        ConsistencyReport before = checker.check(agentId);
        if (!dryRun) {
            health.checkWritable();
        }
        List<RepairReport.Action> actions = new ArrayList<>();
        for (ConsistencyReport.AgentReport agent : before.agents()) {
            Set<String> codes = codes(agent.problems());
            if (codes.contains(LOG_TORN_TAIL)) {
                actions.add(dryRun ? planned(agent, "quarantine_torn_log_tail", LOG_TORN_TAIL)
                        : cutTornTail(agent.agentId()));
            }
            if (!storeKind.usesDataDirectory()) {
                actions.addAll(damagedRows(agent.agentId(), codes));
            } else if (codes.contains(STATE_CORRUPT) && !codes.contains(LOG_CORRUPT)) {
                actions.add(dryRun ? planned(agent, "quarantine_state_file", STATE_CORRUPT)
                        : quarantineState(agent.agentId(), STATE_CORRUPT));
            }
            boolean rebuildState = storeKind.usesDataDirectory() && rebuildsNonFiniteState(codes);
            if (rebuildState) {
                actions.add(dryRun ? planned(agent, "quarantine_state_file", NON_FINITE_NUMBER)
                        : quarantineState(agent.agentId(), NON_FINITE_NUMBER));
            }
            if (codes.contains(LOG_NON_FINITE_NUMBER)) {
                actions.add(new RepairReport.Action(agent.agentId(), "left_for_operator", LOG_NON_FINITE_NUMBER,
                        null, false, NON_FINITE_LOG));
            }
            String behind = rebuildState ? NON_FINITE_NUMBER
                    : codes.stream().filter(ROLLED_FORWARD::contains).sorted().findFirst().orElse(null);
            if (!storeKind.usesDataDirectory() && codes.contains(STATE_CORRUPT)) {
                behind = null;
            }
            if (behind != null && !codes.contains(LOG_CORRUPT) && !codes.contains(LOG_NOT_CONTIGUOUS)
                    && !codes.contains(STATE_AHEAD_OF_LOG) && !codes.contains(METADATA_RECORD_CORRUPT)
                    && hasRecord(agent)) {
                actions.add(dryRun ? planned(agent, "roll_forward", behind) : rollForward(agent.agentId(), behind));
            }
        }
        return new RepairReport(dryRun, actions, dryRun ? before : checker.check(agentId));
    }

    /**
     * PostgreSQL has no torn tails and no files to move aside: a damaged state row (or one holding NaN or Infinity)
     * is left for an operator, who restores it with the database's tools or deletes the row so that the next update
     * rebuilds the state from the log. Roll-forwards run as on files.
     */
    private static List<RepairReport.Action> damagedRows(String agentId, Set<String> codes) {
        List<RepairReport.Action> actions = new ArrayList<>();
        for (String code : List.of(STATE_CORRUPT, NON_FINITE_NUMBER)) {
            if (codes.contains(code)) {
                actions.add(new RepairReport.Action(agentId, "left_for_operator", code, null, false,
                        DAMAGED_ROW));
            }
        }
        return actions;
    }

    private RepairReport.Action cutTornTail(String agentId) {
        Set<Path> quarantinedBefore = quarantine.contents();
        try (LockHandle ignored = locks.acquire(LockKey.agent(agentId))) {
            boolean done = updateLog.repairTornTail(agentId);
            Path moved = quarantine.contents().stream().filter(p -> !quarantinedBefore.contains(p)).findFirst().orElse(null);
            return new RepairReport.Action(agentId, "quarantine_torn_log_tail", LOG_TORN_TAIL, relative(moved), done);
        }
    }

    /** A state file with NaN or Infinity is rebuilt from the log, when the log itself is sound and finite. */
    private static boolean rebuildsNonFiniteState(Set<String> codes) {
        return codes.contains(NON_FINITE_NUMBER) && !codes.contains(STATE_CORRUPT) && !codes.contains(LOG_CORRUPT)
                && !codes.contains(LOG_NOT_CONTIGUOUS) && !codes.contains(LOG_NON_FINITE_NUMBER)
                && !codes.contains(STATE_AHEAD_OF_LOG);
    }

    private RepairReport.Action quarantineState(String agentId, String problem) {
        try (LockHandle ignored = locks.acquire(LockKey.agent(agentId))) {
            Path state;
            if (agentFiles.hasStateFile(agentId)) {
                state = dataDirectory.stateFile(agentId);
            } else if (agentFiles.hasLegacyStateFile(agentId)) {
                state = dataDirectory.legacyStateFile(agentId);
            } else {
                return new RepairReport.Action(agentId, "quarantine_state_file", problem, null, false);
            }
            Path moved = quarantine.moveAside(state, STATE_CORRUPT.equals(problem) ? "corrupt" : "non-finite");
            return new RepairReport.Action(agentId, "quarantine_state_file", problem, relative(moved), true);
        }
    }

    private RepairReport.Action rollForward(String agentId, String problem) {
        boolean done = checkpoints.rollForward(agentId);
        return new RepairReport.Action(agentId, "roll_forward", problem, null, done);
    }

    private static RepairReport.Action planned(ConsistencyReport.AgentReport agent, String action, String problem) {
        return new RepairReport.Action(agent.agentId(), action, problem, null, false);
    }

    private static boolean hasRecord(ConsistencyReport.AgentReport agent) {
        return agent.problems().stream().noneMatch(p -> ORPHAN_STATE.equals(p.code()) || ORPHAN_LOG.equals(p.code()));
    }

    private static Set<String> codes(List<Problem> problems) {
        return Set.copyOf(problems.stream().map(Problem::code).toList());
    }

    private @Nullable String relative(@Nullable Path path) {
        return path == null ? null : dataDirectory.relative(path);
    }
}
