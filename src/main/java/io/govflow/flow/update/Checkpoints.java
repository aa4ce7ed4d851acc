package io.govflow.flow.update;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import io.govflow.store.agent.AgentRecord;
import io.govflow.store.agent.UpdateLogStore;
import io.govflow.store.agent.LogEnd;
import io.govflow.store.agent.MetadataStore;
import io.govflow.store.agent.StateStore;
import io.govflow.store.agent.UpdateLogEntry;
import io.govflow.store.io.LockHandle;
import io.govflow.store.io.LockKey;
import io.govflow.store.io.LockManager;
import org.springframework.stereotype.Component;

/**
 * Rolls an agent's checkpoints (state file, per-update metadata fields and the status changes updates made)
 * forward to its update log, for an update whose commit went through but whose checkpoints did not (a crash
 * between the steps).
 */
@Component
public class Checkpoints {

    private final LockManager locks;
    private final UpdateLogStore updateLog;
    private final StateStore stateFiles;
    private final MetadataStore metadata;
    private final AgentStateLoader loader;
    private final EffectiveRecords effectiveRecords;

    Checkpoints(LockManager locks, UpdateLogStore updateLog, StateStore stateFiles, MetadataStore metadata,
            AgentStateLoader loader, EffectiveRecords effectiveRecords) {
        this.effectiveRecords = effectiveRecords;
        this.locks = locks;
        this.updateLog = updateLog;
        this.stateFiles = stateFiles;
        this.metadata = metadata;
        this.loader = loader;
    }

    /**
     * Under the agent lock: quarantines a torn tail (an append that never completed, so never acknowledged), then
     * rewrites the state file and the per-update metadata fields if they are behind the log. A log that ends
     * before its checkpoints is {@code STATE_CORRUPT} and is left as it is.
     *
     * @return whether anything was rewritten
     */
    public boolean rollForward(String agentId) {
        if (atLog(agentId)) {
            return false;
        }
        try (LockHandle ignored = locks.acquire(LockKey.agent(agentId))) {
            Optional<AgentRecord> record = metadata.find(agentId);
            long seq = updateLog.lastSeq(agentId);
            loader.requireLogNotBehindCheckpoints(agentId, seq, record.map(AgentRecord::totalUpdates).orElse(0L));
            boolean changed = updateLog.repairTornTail(agentId);
            if (seq == 0) {
                return changed;
            }
            if (loader.stateFileBehind(agentId)) {
                AgentView loaded = loader.load(agentId, record.map(AgentRecord::totalUpdates).orElse(0L));
                stateFiles.write(agentId, StateMapping.toStateFile(loaded.state(), loaded.unknownStateFields()));
                changed = true;
            }
            if (record.isPresent() && metadataBehind(record.get(), seq)) {
                metadata.update(agentId, r -> r.totalUpdates() < seq ? effectiveRecords.effective(r, seq)
                        : withRecent(r, updateLog.readTail(agentId, MetadataChanges.RECENT)));
                changed = true;
            }
            return changed;
        }
    }

    /**
     * The common case after a graceful shutdown, checked without the lock from one read of the log's end, the
     * metadata record and the head of the state file: nothing to quarantine, nothing behind, nothing ahead.
     */
    private boolean atLog(String agentId) {
        LogEnd end = updateLog.end(agentId);
        UpdateLogEntry last = end.last();
        if (end.tornBytes() > 0) {
            return false;
        }
        if (last == null) {
            return true;
        }
        Optional<AgentRecord> record = metadata.find(agentId);
        OptionalLong stateSeq = stateFiles.peekUpdateCount(agentId);
        return record.isPresent() && record.get().totalUpdates() == last.seq()
                && last.ts().equals(record.get().lastUpdate())
                && stateSeq.isPresent() && stateSeq.getAsLong() == last.seq();
    }

    /** Behind the log; a record ahead of a non-empty log means the log lost lines, which is never rolled back. */
    private boolean metadataBehind(AgentRecord record, long seq) {
        if (record.totalUpdates() > seq) {
            throw LogBehind.corrupt(record.agentId(), record.totalUpdates(), seq);
        }
        if (record.totalUpdates() < seq) {
            return true;
        }
        List<UpdateLogEntry> last = updateLog.readTail(record.agentId(), 1);
        return !last.isEmpty() && !last.get(0).ts().equals(record.lastUpdate());
    }

    private static AgentRecord withRecent(AgentRecord record, List<UpdateLogEntry> recent) {
        UpdateLogEntry last = recent.get(recent.size() - 1);
        return record.withLastUpdate(last.ts()).withTotalUpdates(last.seq())
                .withRecentUpdateTimestamps(recent.stream().map(UpdateLogEntry::ts).toList())
                .withRecentDecisions(recent.stream().map(UpdateLogEntry::decision).toList());
    }
}
