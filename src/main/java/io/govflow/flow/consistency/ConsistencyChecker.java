package io.govflow.flow.consistency;

import static io.govflow.flow.consistency.ConsistencyCodes.*;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

import io.govflow.config.GovflowProperties;
import io.govflow.error.ErrorCode;
import io.govflow.error.GovflowException;
import io.govflow.flow.agent.AgentIds;
import io.govflow.flow.maintenance.StoreKind;
import io.govflow.store.agent.AgentRecord;
import io.govflow.store.agent.UpdateLogStore;
import io.govflow.store.agent.LogScan;
import io.govflow.store.agent.MetadataStore;
import io.govflow.store.agent.StateFile;
import io.govflow.store.agent.StateStore;
import io.govflow.store.agent.UpdateLogEntry;
import io.govflow.store.check.DataDirectoryScan;
import io.govflow.store.check.Problem;
import io.govflow.store.io.DataDirectory;
import io.govflow.store.io.Timestamps;
import io.govflow.store.agent.StateFileCodec;
import io.govflow.store.io.StoreJson;
import io.govflow.store.postgres.PostgresDatabase;
import io.govflow.store.postgres.PostgresStateStore;
import io.govflow.store.postgres.PostgresUpdateLog;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * The full consistency report, on demand: every agent known from metadata or from its files (a legacy state file
 * not yet migrated counts as its state file), checked against the commit invariant of {@code 10-storage.md} §5 and
 * the shape rules of {@code 40-export.md}. Read-only: takes no lock and creates nothing (a concurrent update can
 * show as a transient difference). The migration report shows a part of it. On PostgreSQL the agents' rows take
 * the place of their files: the same invariants, checked through the same store interfaces.
 */
@Service
public class ConsistencyChecker {

    private final DataDirectory dataDirectory;
    private final MetadataStore metadata;
    private final StateStore stateFiles;
    private final UpdateLogStore updateLog;
    private final int window;
    private final Clock clock;
    private final @Nullable RecordFindings recordFindings;
    /** Set on PostgreSQL: the agents' rows take the place of the data directory's files. */
    private final @Nullable DatabaseAgents database;

    @Autowired
    public ConsistencyChecker(DataDirectory dataDirectory, MetadataStore metadata,
            StateStore stateFiles, UpdateLogStore updateLog, GovflowProperties properties, Clock clock,
            RecordFindings records, ObjectProvider<PostgresDatabase> database, StoreJson json,
            StateFileCodec stateCodec) {
        // its own readers on the database: the store beans may be wrapped (metrics, tests)
        this(dataDirectory, metadata, stateFiles, updateLog, properties.history().window(), clock, records,
                StoreKind.of(properties).usesDataDirectory() ? null
                        : new DatabaseAgents(new PostgresUpdateLog(database.getObject(), json),
                                new PostgresStateStore(database.getObject(), stateCodec)));
    }

    /** Without Spring (command line): agents and their files only, no session or knowledge-graph findings. */
    public ConsistencyChecker(DataDirectory dataDirectory, MetadataStore metadata,
            StateStore stateFiles, UpdateLogStore updateLog, int window, Clock clock) {
        this(dataDirectory, metadata, stateFiles, updateLog, window, clock, null, null);
    }

    private ConsistencyChecker(DataDirectory dataDirectory, MetadataStore metadata, StateStore stateFiles,
            UpdateLogStore updateLog, int window, Clock clock, @Nullable RecordFindings records,
            @Nullable DatabaseAgents database) {
        this.recordFindings = records;
        this.database = database;
        this.dataDirectory = dataDirectory;
        this.metadata = metadata;
        this.stateFiles = stateFiles;
        this.updateLog = updateLog;
        this.window = window;
        this.clock = clock;
    }

    /** Every agent, or only {@code agentId} ({@code AGENT_NOT_FOUND} when nothing of it exists). */
    public ConsistencyReport check(@Nullable String agentId) {
        DataDirectoryScan scan = database == null ? DataDirectoryScan.of(dataDirectory) : null;
        List<ConsistencyReport.FileReport> files = new ArrayList<>();
        SortedMap<String, AgentRecord> records = records(files);
        Set<String> damaged = damagedRecords();
        TreeSet<String> ids = new TreeSet<>(records.keySet());
        ids.addAll(damaged);
        if (scan != null) {
            ids.addAll(scan.stateFiles());
            ids.addAll(scan.logs());
            ids.addAll(scan.legacyStateFiles());
        } else {
            ids.addAll(Objects.requireNonNull(database).stateIds());
            ids.addAll(database.logIds());
        }
        if (agentId != null) {
            AgentIds.requireValid(agentId);
            if (!ids.contains(agentId)) {
                throw new GovflowException(ErrorCode.AGENT_NOT_FOUND, agentId);
            }
            ids.retainAll(List.of(agentId));
        } else {
            if (scan != null) {
                strayFiles(scan, ids, files);
            }
            if (recordFindings != null) {
                files.addAll(recordFindings.check());
            }
        }
        List<ConsistencyReport.AgentReport> agents = new ArrayList<>();
        for (String id : ids) {
            List<Problem> problems = AgentChecks.check(read(id, records.get(id)), window);
            agents.add(ConsistencyReport.AgentReport.of(id, damaged.contains(id) ? damagedRecord(problems) : problems));
        }
        return ConsistencyReport.of(Timestamps.now(clock), agents, files);
    }

    AgentSnapshot read(String agentId, @Nullable AgentRecord record) {
        LogScan log = LogScan.EMPTY;
        boolean logCorrupt = false;
        UpdateLogEntry last = null;
        try {
            log = updateLog.scan(agentId);
            last = updateLog.last(agentId).orElse(null);
        } catch (GovflowException e) {
            logCorrupt = true;
        }
        StateFile state = null;
        boolean stateCorrupt = false;
        try {
            state = stateFiles.read(agentId).or(() -> stateFiles.readLegacy(agentId)).orElse(null);
        } catch (GovflowException e) {
            stateCorrupt = true;
        }
        return new AgentSnapshot(agentId, record, log, logCorrupt, last, state, stateCorrupt);
    }

    private SortedMap<String, AgentRecord> records(List<ConsistencyReport.FileReport> files) {
        try {
            return metadata.readAll();
        } catch (GovflowException e) {
            if (e.code() != ErrorCode.METADATA_CORRUPT) {
                throw e;
            }
            files.add(new ConsistencyReport.FileReport("agent_metadata.json", List.of(Problem.error(METADATA_CORRUPT,
                    "The metadata file cannot be read; restore it from backups/ (agents are checked from their "
                            + "files meanwhile)."))));
            return new TreeMap<>();
        }
    }

    private Set<String> damagedRecords() {
        try {
            return metadata.damaged().keySet();
        } catch (GovflowException e) {
            return Set.of();
        }
    }

    /** The record is there but cannot be read: not an orphan, an error naming the agent's record. */
    private static List<Problem> damagedRecord(List<Problem> problems) {
        List<Problem> out = new ArrayList<>();
        out.add(Problem.error(METADATA_RECORD_CORRUPT, "The agent's record in agent_metadata.json cannot be read; "
                + "only this agent is unavailable until an operator corrects the record or restores it from "
                + "backups/ (repair leaves it as it is)."));
        problems.stream().filter(p -> !ORPHAN_STATE.equals(p.code()) && !ORPHAN_LOG.equals(p.code())
                && !STATE_MISSING.equals(p.code())).forEach(out::add);
        return out;
    }

    private static void strayFiles(DataDirectoryScan scan, TreeSet<String> ids,
            List<ConsistencyReport.FileReport> files) {
        for (String id : scan.lockFiles()) {
            if (!ids.contains(id)) {
                files.add(new ConsistencyReport.FileReport("agents/." + id + "_state.lock", List.of(Problem.warning(
                        ORPHAN_LOCK_FILE, "A lock file of an agent without data (harmless; lock cleanup removes it)."))));
            }
        }
        for (String id : scan.legacyStateFiles()) {
            files.add(new ConsistencyReport.FileReport(id + "_state.json", List.of(Problem.warning(LEGACY_STATE_FILE,
                    "A state file in the reference's older location; migration moves it into agents/."))));
        }
        for (String temp : scan.tempFiles()) {
            files.add(new ConsistencyReport.FileReport(temp, List.of(Problem.warning(TEMP_FILE,
                    "A temp file of an unfinished write; start-up removes those of stopped processes."))));
        }
    }
}
