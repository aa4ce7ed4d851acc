package io.govflow.flow.consistency;

import static io.govflow.flow.consistency.ConsistencyCodes.*;

import java.util.ArrayList;
import java.util.List;

import io.govflow.flow.auth.ApiKeys;
import io.govflow.store.agent.AgentRecord;
import io.govflow.store.agent.LegacyStatus;
import io.govflow.store.agent.StateFile;
import io.govflow.store.check.IsoTimestamps;
import io.govflow.store.check.Problem;

/** The per-agent checks of {@code 40-export.md} on what was read of the agent's files. */
final class AgentChecks {

    private AgentChecks() {
    }

    static List<Problem> check(AgentSnapshot files, int window) {
        List<Problem> problems = new ArrayList<>();
        log(files, problems);
        history(files, problems);
        if (files.stateCorrupt()) {
            problems.add(Problem.error(STATE_CORRUPT, "The state file cannot be read; repair moves it to "
                    + "quarantine and rebuilds it from the update log."));
        }
        presence(files, problems);
        if (!files.logCorrupt() && files.last() != null) {
            invariant(files, problems);
        } else if (files.state() != null && files.record() != null
                && files.record().totalUpdates() != files.state().updateCount()) {
            problems.add(Problem.warning(METADATA_STATE_MISMATCH, "metadata total_updates is %d, the state file's "
                    .formatted(files.record().totalUpdates()) + "update_count %d.".formatted(
                            files.state().updateCount())));
        }
        if (files.state() != null) {
            StateChecks.check(files.state(), window, problems);
        }
        if (files.record() != null) {
            record(files.record(), problems);
        }
        return problems;
    }

    private static void log(AgentSnapshot files, List<Problem> problems) {
        if (files.logCorrupt()) {
            problems.add(Problem.error(LOG_CORRUPT, "The update log has a damaged line before its end; it needs "
                    + "an operator (the file is kept as it is)."));
            return;
        }
        if (files.log().hasTornTail()) {
            problems.add(Problem.error(LOG_TORN_TAIL, "The update log ends with %d byte(s) of an unacknowledged "
                    .formatted(files.log().tornTail()) + "write; repair moves them to quarantine."));
        }
        if (!files.log().contiguous()) {
            problems.add(Problem.error(LOG_NOT_CONTIGUOUS, "The update log's seqs have gaps or repeats."));
        }
        if (files.log().nonFiniteLines() > 0) {
            problems.add(Problem.error(LOG_NON_FINITE_NUMBER, "%d update-log line(s) hold a number that is not "
                    .formatted(files.log().nonFiniteLines()) + "finite (NaN or Infinity), the first at seq %d; "
                            .formatted(files.log().firstNonFiniteSeq()) + "they are committed history, which "
                                    + "repair cannot rewrite: an operator decides (restore the log from a backup, "
                                    + "or delete the agent and register a new one)."));
        }
    }

    /** The oldest updates are gone: the log starts after seq 1, or (no log yet) the state's window is trimmed. */
    private static void history(AgentSnapshot files, List<Problem> problems) {
        long lost = 0;
        if (files.hasLog()) {
            lost = files.logCorrupt() ? 0 : files.log().firstSeq() - 1;
        } else if (files.state() != null) {
            lost = files.state().updateCount() - files.state().retainedUpdates();
        }
        if (lost > 0) {
            problems.add(Problem.warning(HISTORY_INCOMPLETE, lost == 1 ? "The first update was not retained."
                    : "The first %d updates were not retained.".formatted(lost)));
        }
    }

    private static void presence(AgentSnapshot files, List<Problem> problems) {
        boolean hasState = files.state() != null || files.stateCorrupt();
        if (files.record() == null) {
            if (hasState) {
                problems.add(Problem.warning(ORPHAN_STATE, "A state file without a metadata record; an operator can "
                        + "adopt it (POST /api/v1/maintenance/adopt)."));
            } else if (files.hasLog()) {
                problems.add(Problem.warning(ORPHAN_LOG, "An update log without a metadata record."));
            }
            return;
        }
        if (!hasState && !files.hasLog()) {
            long total = files.record().totalUpdates();
            problems.add(Problem.warning(STATE_MISSING, total == 0
                    ? "No state file yet: the first update starts from the default state."
                    : "No state file or update log was kept: the next update starts from the default state and is "
                            + "numbered %d.".formatted(total + 1)));
        }
        if (files.state() != null && !files.hasLog() && files.state().updateCount() > 0) {
            problems.add(Problem.warning(LOG_MISSING, "No update log: the history is only the state file's window "
                    + "until migration synthesizes one."));
        }
    }

    /** {@code metadata.total_updates == state.update_count == last seq}, {@code last_update == last ts}. */
    private static void invariant(AgentSnapshot files, List<Problem> problems) {
        long seq = files.last().seq();
        StateFile state = files.state();
        if (!files.stateCorrupt()) {
            if (state == null || state.updateCount() < seq) {
                long at = state == null ? 0 : state.updateCount();
                problems.add(Problem.warning(CHECKPOINT_LAG, "The state file is %d update(s) behind its log (at %d, "
                        .formatted(seq - at, at) + "the log at %d); the next checkpoint, start-up or repair rolls it "
                                .formatted(seq) + "forward."));
            } else if (state.updateCount() > seq) {
                problems.add(Problem.error(STATE_AHEAD_OF_LOG, "The state file is at update %d but the log ends at %d."
                        .formatted(state.updateCount(), seq)));
            }
        }
        AgentRecord record = files.record();
        if (record != null && record.totalUpdates() > seq) {
            problems.add(Problem.error(METADATA_AHEAD_OF_LOG, "metadata total_updates (%d) is ahead of the log's last "
                    .formatted(record.totalUpdates()) + "update (%d): the log lost lines; restore it from a backup "
                            .formatted(seq) + "(repair leaves it as it is)."));
        } else if (record != null && record.totalUpdates() < seq) {
            problems.add(Problem.warning(CHECKPOINT_LAG, "The metadata record is %d update(s) behind its log "
                    .formatted(seq - record.totalUpdates()) + "(total_updates %d, the log at %d); readers see the "
                            .formatted(record.totalUpdates(), seq) + "log's values, and the next checkpoint, "
                                    + "start-up or repair writes them."));
        } else if (record != null && !record.lastUpdate().equals(files.last().ts())) {
            problems.add(Problem.error(METADATA_BEHIND_LOG, "metadata total_updates/last_update (%d) do not match "
                    .formatted(record.totalUpdates()) + "the log's last update (%d); repair rolls them forward."
                            .formatted(seq)));
        }
    }

    private static void record(AgentRecord record, List<Problem> problems) {
        if (record.agentId().isEmpty() || record.status() instanceof LegacyStatus
                || !IsoTimestamps.isData(record.createdAt()) || !IsoTimestamps.isData(record.lastUpdate())) {
            problems.add(Problem.error(METADATA_INVALID, "The metadata record has an empty id, an unknown status or "
                    + "a timestamp that is not ISO 8601."));
        }
        LegacyFieldTypes.of("agent_metadata.json", record).forEach(problems::add);
        if (record.apiKey() == null || !ApiKeys.isUsable(record.apiKey())) {
            problems.add(Problem.warning(NO_API_KEY, "The agent has no usable key; rotate one to let it "
                    + "authenticate."));
        } else if (!record.apiKey().startsWith("sha256:")) {
            problems.add(Problem.error(KEY_NOT_HASHED, "The key is stored in plain text; migration replaces it by "
                    + "its hash."));
        }
    }
}
