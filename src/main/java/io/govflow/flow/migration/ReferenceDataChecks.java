package io.govflow.flow.migration;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeSet;

import io.govflow.error.GovflowException;
import io.govflow.store.agent.AgentFiles;
import io.govflow.store.agent.AgentRecord;
import io.govflow.store.agent.MetadataRepository;
import io.govflow.store.agent.StateFile;
import io.govflow.store.agent.StateFileRepository;
import io.govflow.store.agent.UpdateLog;
import io.govflow.store.agent.UpdateLogEntry;
import io.govflow.store.check.Problem;
import org.jspecify.annotations.Nullable;

/**
 * The checks for what a reference data directory did not keep, per agent (all warnings unless a file is damaged):
 * <ul>
 * <li>{@code STATE_MISSING}: a metadata record with neither state file nor update log;</li>
 * <li>{@code ORPHAN_STATE}: a state file or update log without a metadata record;</li>
 * <li>{@code HISTORY_INCOMPLETE}: the oldest updates are gone (the log starts after seq 1, or a state file's
 * arrays hold fewer updates than its {@code update_count});</li>
 * <li>{@code STATE_CORRUPT} (error): a state file or update log that cannot be read.</li>
 * </ul>
 * Legacy state files ({@code {data}/{id}_state.json}) count as state files. Reads only.
 */
public final class ReferenceDataChecks {

    public static final String STATE_MISSING = "STATE_MISSING";
    public static final String ORPHAN_STATE = "ORPHAN_STATE";
    public static final String HISTORY_INCOMPLETE = "HISTORY_INCOMPLETE";
    public static final String STATE_CORRUPT = "STATE_CORRUPT";

    private final MetadataRepository metadata;
    private final AgentFiles agentFiles;
    private final StateFileRepository stateFiles;
    private final UpdateLog updateLog;

    public ReferenceDataChecks(MetadataRepository metadata, AgentFiles agentFiles, StateFileRepository stateFiles,
            UpdateLog updateLog) {
        this.metadata = metadata;
        this.agentFiles = agentFiles;
        this.stateFiles = stateFiles;
        this.updateLog = updateLog;
    }

    /** Every agent with at least one finding, by id. Throws {@code METADATA_CORRUPT} if the metadata is damaged. */
    public List<AgentFinding> check() {
        SortedMap<String, AgentRecord> records = metadata.readAll();
        SortedSet<String> states = agentFiles.stateFileIds();
        SortedSet<String> legacy = agentFiles.legacyStateFileIds();
        SortedSet<String> logs = agentFiles.updateLogIds();
        SortedSet<String> ids = new TreeSet<>(records.keySet());
        ids.addAll(states);
        ids.addAll(legacy);
        ids.addAll(logs);
        List<AgentFinding> findings = new ArrayList<>();
        for (String id : ids) {
            AgentRecord record = records.get(id);
            List<Problem> problems = problems(id, record, states.contains(id), legacy.contains(id),
                    logs.contains(id));
            if (!problems.isEmpty()) {
                findings.add(new AgentFinding(id, record == null ? null : record.status(), problems));
            }
        }
        return findings;
    }

    private List<Problem> problems(String id, @Nullable AgentRecord record, boolean state, boolean legacy, boolean log) {
        List<Problem> problems = new ArrayList<>();
        if (record != null && !state && !legacy && !log) {
            problems.add(Problem.warning(STATE_MISSING, record.totalUpdates() == 0
                    ? "No state file yet: the first update starts from the default state."
                    : "No state file or update log was kept: the next update starts from the default state and is "
                            + "numbered " + (record.totalUpdates() + 1) + "."));
        }
        if (record == null && (state || legacy || log)) {
            problems.add(Problem.warning(ORPHAN_STATE, "Agent files without a metadata record; an operator can "
                    + "adopt them (POST /api/v1/maintenance/adopt)."));
        }
        try {
            if (log) {
                historyFromLog(id).ifPresent(problems::add);
            } else if (state || legacy) {
                historyFromState(id, state).ifPresent(problems::add);
            }
        } catch (GovflowException e) {
            problems.add(Problem.error(STATE_CORRUPT, "A state file or update log of this agent cannot be read."));
        }
        return problems;
    }

    private Optional<Problem> historyFromLog(String id) {
        Optional<UpdateLogEntry> first = updateLog.first(id);
        if (first.isPresent() && first.get().seq() > 1) {
            return Optional.of(incomplete(first.get().seq() - 1));
        }
        return Optional.empty();
    }

    private Optional<Problem> historyFromState(String id, boolean inAgentsDir) {
        Optional<StateFile> file = inAgentsDir ? stateFiles.read(id) : stateFiles.readLegacy(id);
        if (file.isEmpty()) {
            return Optional.empty();
        }
        long lost = file.get().updateCount() - LogSynthesis.retained(file.get());
        return lost > 0 ? Optional.of(incomplete(lost)) : Optional.empty();
    }

    private static Problem incomplete(long lost) {
        return Problem.warning(HISTORY_INCOMPLETE, lost == 1 ? "The first update was not retained."
                : "The first " + lost + " updates were not retained.");
    }
}
