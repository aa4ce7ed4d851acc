package io.govflow.flow.agent;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.govflow.error.ErrorCode;
import io.govflow.error.GovflowException;
import io.govflow.flow.update.AgentCaches;
import io.govflow.flow.update.EffectiveRecords;
import io.govflow.store.agent.AgentBackups;
import io.govflow.store.agent.AgentRecord;
import io.govflow.store.agent.AgentStatus;
import io.govflow.store.agent.MetadataStore;
import io.govflow.store.agent.StateStore;
import io.govflow.store.agent.UpdateLogStore;
import io.govflow.store.context.ContextStore;
import io.govflow.store.io.LockHandle;
import io.govflow.store.io.LockKey;
import io.govflow.store.io.LockManager;
import io.govflow.store.io.StoreHealth;
import io.govflow.store.io.Timestamps;
import org.springframework.stereotype.Service;

/**
 * The admin purge of a soft-deleted agent: its record and its files go for good, under the agent's lock. The
 * order makes a crash at any point safe: a backup of the record first, then the context documents, the state file
 * and the update log (each removal made durable), and the record last. A crash before the record is removed leaves
 * a deleted agent with fewer files, which reads as a deleted agent and is purged again; the record is never brought
 * back, because group commits skip ids that have no record. Exports, dialectic sessions, discoveries and backups
 * are kept: they are shared history or audit evidence.
 */
@Service
public class AgentPurge {

    /** Backup, context documents, state file, update log, record. */
    static final int STEPS = 5;

    private final LockManager locks;
    private final MetadataStore metadata;
    private final StateStore stateFiles;
    private final UpdateLogStore updateLogs;
    private final ContextStore contexts;
    private final AgentBackups backups;
    private final EffectiveRecords effectiveRecords;
    private final AgentCaches caches;
    private final StoreHealth storeHealth;
    private final Clock clock;

    public AgentPurge(LockManager locks, MetadataStore metadata, StateStore stateFiles, UpdateLogStore updateLogs,
            ContextStore contexts, AgentBackups backups, EffectiveRecords effectiveRecords, AgentCaches caches,
            StoreHealth storeHealth, Clock clock) {
        this.locks = locks;
        this.metadata = metadata;
        this.stateFiles = stateFiles;
        this.updateLogs = updateLogs;
        this.contexts = contexts;
        this.backups = backups;
        this.effectiveRecords = effectiveRecords;
        this.caches = caches;
        this.storeHealth = storeHealth;
        this.clock = clock;
    }

    /**
     * Removes a deleted agent for good. {@code AGENT_NOT_FOUND} when there is no record (also after an earlier
     * purge), {@code AGENT_NOT_DELETED} unless its effective status is {@code deleted}.
     */
    public Purge purge(String agentId) {
        return purge(agentId, STEPS);
    }

    /** The first {@code steps} steps only, as a crash after them leaves the data directory (crash tests). */
    Purge purge(String agentId, int steps) {
        storeHealth.checkWritable();
        try (LockHandle lock = locks.acquire(LockKey.agent(agentId))) {
            AgentRecord record = deletedRecord(agentId);
            String backup = backups.write(record, Timestamps.now(clock), Timestamps.fileStamp(clock));
            List<String> removed = new ArrayList<>();
            if (steps > 1 && contexts.deleteAll(agentId) > 0) {
                removed.add("context_documents");
            }
            if (steps > 2 && stateFiles.delete(agentId)) {
                removed.add("state_file");
            }
            if (steps > 3 && updateLogs.delete(agentId)) {
                removed.add("update_log");
            }
            if (steps > 4) {
                removeRecord(agentId, removed);
                // the agent's lock file goes too; another process waiting on it retries on a new one
                locks.deleteHeldLockFile(lock);
            }
            return new Purge(agentId, removed, backup);
        }
    }

    /**
     * The caches are dropped before the record goes (this waits for a metadata group commit under way, so none
     * taken earlier can touch a record registered afresh) and again after it (a lockless reader may have cached a
     * view in between).
     */
    private void removeRecord(String agentId, List<String> removed) {
        caches.forget(agentId);
        if (metadata.remove(agentId)) {
            removed.add("record");
        }
        caches.forget(agentId);
    }

    private AgentRecord deletedRecord(String agentId) {
        Optional<AgentRecord> stored = metadata.find(agentId);
        if (stored.isEmpty()) {
            // another instance may have purged it: nothing held here about the id may outlive it
            caches.forget(agentId);
            throw GovflowException.withDetails(ErrorCode.AGENT_NOT_FOUND, Map.of("agent_id", agentId), agentId);
        }
        AgentRecord record = effectiveRecords.effective(stored.get());
        if (record.status() != AgentStatus.DELETED) {
            throw GovflowException.withDetails(ErrorCode.AGENT_NOT_DELETED,
                    Map.of("agent_id", agentId, "status", record.status().word()), agentId);
        }
        return record;
    }
}
