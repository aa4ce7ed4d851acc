package io.govflow.flow.migration;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.govflow.error.ErrorCode;
import io.govflow.error.GovflowException;
import io.govflow.flow.agent.AgentIds;
import io.govflow.flow.agent.IssuedKey;
import io.govflow.flow.auth.ApiKeys;
import io.govflow.flow.maintenance.StoreKind;
import io.govflow.store.agent.AgentFiles;
import io.govflow.store.agent.UpdateLogStore;
import io.govflow.store.agent.AgentRecord;
import io.govflow.store.agent.LifecycleEvent;
import io.govflow.store.agent.MetadataStore;
import io.govflow.store.agent.StateFile;
import io.govflow.store.agent.StateStore;
import io.govflow.store.agent.UpdateLogEntry;
import io.govflow.store.io.LockHandle;
import io.govflow.store.io.LockKey;
import io.govflow.store.io.LockManager;
import io.govflow.store.io.StoreHealth;
import io.govflow.store.io.Timestamps;

/**
 * Adopts an orphan: agent files (a state file, legacy or not, or an update log) without a metadata record become a
 * registered agent (status active, stamped with the log's last seq as its {@code status_seq};
 * {@code total_updates} = the last update's seq, recent updates from the log) with a new key, returned once. The state file is not rewritten, so its unknown fields stay.
 */
public final class OrphanAdoption {

    private static final int RECENT = 10;

    private final LockManager locks;
    private final MetadataStore metadata;
    private final StateStore stateFiles;
    private final UpdateLogStore updateLog;
    private final AgentFiles agentFiles;
    private final StoreHealth storeHealth;
    private final Clock clock;
    private final int window;
    private final StoreKind storeKind;

    public OrphanAdoption(LockManager locks, MetadataStore metadata, StateStore stateFiles,
            UpdateLogStore updateLog, AgentFiles agentFiles, StoreHealth storeHealth, Clock clock, int window,
            StoreKind storeKind) {
        this.storeKind = storeKind;
        this.locks = locks;
        this.metadata = metadata;
        this.stateFiles = stateFiles;
        this.updateLog = updateLog;
        this.agentFiles = agentFiles;
        this.storeHealth = storeHealth;
        this.clock = clock;
        this.window = window;
    }

    /**
     * {@code AGENT_EXISTS} when the agent has a record, {@code AGENT_NOT_FOUND} when it has no files,
     * {@code FILE_STORE_ONLY} on PostgreSQL (orphan files are a file-store matter).
     */
    public IssuedKey adopt(String agentId) {
        storeKind.requireDataDirectory();
        AgentIds.requireValid(agentId);
        storeHealth.checkWritable();
        try (LockHandle ignored = locks.acquire(LockKey.agent(agentId))) {
            if (metadata.find(agentId).isPresent()) {
                throw GovflowException.withDetails(ErrorCode.AGENT_EXISTS, Map.of("agent_id", agentId), agentId);
            }
            stateFiles.migrateLegacy(agentId);
            Optional<StateFile> state = stateFiles.read(agentId);
            if (state.isPresent() && !agentFiles.hasUpdateLog(agentId)) {
                List<UpdateLogEntry> entries = LogSynthesis.entries(state.get(), window);
                if (!entries.isEmpty()) {
                    updateLog.writeAll(agentId, entries);
                }
            }
            List<UpdateLogEntry> recent = updateLog.readTail(agentId, RECENT);
            if (state.isEmpty() && recent.isEmpty()) {
                throw GovflowException.withDetails(ErrorCode.AGENT_NOT_FOUND,
                        Map.of("agent_id", agentId, "reason", "no orphan state file or update log"), agentId);
            }
            String key = ApiKeys.generate();
            AgentRecord record = adopted(agentId, state, recent, Timestamps.now(clock), ApiKeys.hash(key));
            metadata.create(record);
            return new IssuedKey(key, record);
        }
    }

    private static AgentRecord adopted(String agentId, Optional<StateFile> state, List<UpdateLogEntry> recent,
            String now, String keyHash) {
        long total = recent.isEmpty() ? state.map(StateFile::updateCount).orElse(0L)
                : recent.get(recent.size() - 1).seq();
        String lastUpdate = recent.isEmpty() ? lastTimestamp(state).orElse(now) : recent.get(recent.size() - 1).ts();
        long logSeq = recent.isEmpty() ? 0 : recent.get(recent.size() - 1).seq();
        AgentRecord fresh = AgentRecord.newAgent(agentId, now, keyHash);
        // adopting sets the status as an operator does: no earlier line's agent_status may override it
        return fresh.withStatusSeq(logSeq).withLastUpdate(lastUpdate).withTotalUpdates(total)
                .withLifecycleEvents(List.of(LifecycleEvent.of("adopted", now,
                        "Registered by an operator from agent files that had no metadata record")))
                .withRecentUpdateTimestamps(recent.stream().map(UpdateLogEntry::ts).toList())
                .withRecentDecisions(recent.stream().map(UpdateLogEntry::decision).toList());
    }

    private static Optional<String> lastTimestamp(Optional<StateFile> state) {
        return state.map(StateFile::timestampHistory).filter(t -> !t.isEmpty()).map(t -> t.get(t.size() - 1));
    }
}
