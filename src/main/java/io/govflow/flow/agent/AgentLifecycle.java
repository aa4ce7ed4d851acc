package io.govflow.flow.agent;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.govflow.engine.MetricsSnapshot;
import io.govflow.engine.Thresholds;
import io.govflow.error.ErrorCode;
import io.govflow.error.GovflowException;
import io.govflow.flow.update.CurrentThresholds;
import io.govflow.flow.update.EffectiveRecords;
import io.govflow.flow.update.UpdateFlow;
import io.govflow.store.agent.AgentBackups;
import io.govflow.store.agent.AgentRecord;
import io.govflow.store.agent.AgentStatus;
import io.govflow.store.agent.LifecycleEvent;
import io.govflow.store.agent.LegacyStatus;
import io.govflow.store.agent.MetadataStore;
import io.govflow.store.agent.StoredStatus;
import io.govflow.store.io.LockHandle;
import io.govflow.store.io.LockKey;
import io.govflow.store.io.LockManager;
import io.govflow.store.io.StoreHealth;
import io.govflow.store.io.Timestamps;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Status transitions of an agent (archive, resume, soft delete, response complete), each recorded as a lifecycle
 * event. Every transition runs under the agent's lock, like an update, so a transition and an update never
 * interleave (a deleted agent cannot slip an update in). The lock is reentrant: a caller that already holds the
 * agent's lock (dialectic resolution) may call {@link #resume} directly.
 */
@Service
public class AgentLifecycle {

    public static final String PROTECTED_TAG = ProtectedTag.NAME;

    /** Statuses an explicit resume leads back to active (the older reference health labels included). */
    static final Set<StoredStatus> RESUMABLE = Set.of(AgentStatus.PAUSED, AgentStatus.WAITING_INPUT,
            AgentStatus.ARCHIVED, LegacyStatus.MODERATE, LegacyStatus.DEGRADED);

    private final LockManager locks;
    private final MetadataStore metadata;
    private final AgentBackups backups;
    private final UpdateFlow updateFlow;
    private final CurrentThresholds thresholds;
    private final StoreHealth storeHealth;
    private final Clock clock;
    private final EffectiveRecords effectiveRecords;

    public AgentLifecycle(LockManager locks, MetadataStore metadata, AgentBackups backups, UpdateFlow updateFlow,
            CurrentThresholds thresholds, StoreHealth storeHealth, Clock clock, EffectiveRecords effectiveRecords) {
        this.effectiveRecords = effectiveRecords;
        this.locks = locks;
        this.metadata = metadata;
        this.backups = backups;
        this.updateFlow = updateFlow;
        this.thresholds = thresholds;
        this.storeHealth = storeHealth;
        this.clock = clock;
    }

    /**
     * active / waiting_input → archived. Archiving an archived agent changes nothing. A paused agent must be resumed
     * first ({@code AGENT_PAUSED}): the next update resumes an archived agent, so archiving would skip the safety
     * checks of a resume.
     */
    public AgentRecord archive(String agentId, @Nullable String reason) {
        return transition(agentId, (record, now) -> {
            AgentEditor.refuseDeleted(record);
            if (record.status() == AgentStatus.ARCHIVED) {
                return record;
            }
            if (record.status() == AgentStatus.PAUSED) {
                throw GovflowException.withDetails(ErrorCode.AGENT_PAUSED, Map.of("agent_id", agentId), agentId);
            }
            return record.withStatus(AgentStatus.ARCHIVED).withArchivedAt(now).withLifecycleEvent(
                    LifecycleEvent.of("archived", now, orDefault(reason, "Archived on request")));
        });
    }

    /**
     * paused / waiting_input / archived → active, with a {@code resumed} event that carries {@code conditions}
     * (when any). With {@code checkSafety} the agent's current metrics must be safe: coherence above the
     * coherence-critical threshold, mean attention below the revise (pause) threshold, no void; otherwise
     * {@code UNSAFE_RESUME} with the values in the details. Resuming an active agent changes nothing.
     */
    public AgentRecord resume(String agentId, @Nullable String reason, List<String> conditions,
            boolean checkSafety) {
        storeHealth.checkWritable();
        try (LockHandle ignored = locks.acquire(LockKey.agent(agentId))) {
            AgentRecord current = existing(agentId);
            AgentEditor.refuseDeleted(current);
            if (!RESUMABLE.contains(current.status())) {
                return current;
            }
            if (checkSafety) {
                requireSafe(agentId);
            }
            String now = Timestamps.now(clock);
            LifecycleEvent event = LifecycleEvent.of("resumed", now, orDefault(reason, "Resumed on request"));
            LifecycleEvent recorded = conditions.isEmpty() ? event : event.withConditions(conditions);
            long logSeq = effectiveRecords.lastSeq(agentId);
            return metadata.update(agentId, stored -> effectiveRecords.operatorChange(stored, logSeq, record -> {
                AgentEditor.refuseDeleted(record);
                return record.withStatus(AgentStatus.ACTIVE).withPausedAt(null).withArchivedAt(null)
                        .withLifecycleEvent(recorded);
            }));
        }
    }

    /**
     * Soft delete: a backup of the record (without the key hash) in {@code backups/}, then status {@code deleted}.
     * An agent tagged {@value #PROTECTED_TAG} refuses ({@code PROTECTED_AGENT}); the files stay as they are.
     */
    public Deletion delete(String agentId, @Nullable String reason) {
        storeHealth.checkWritable();
        try (LockHandle ignored = locks.acquire(LockKey.agent(agentId))) {
            AgentRecord current = existing(agentId);
            AgentEditor.refuseDeleted(current);
            if (current.tags().contains(PROTECTED_TAG)) {
                throw GovflowException.withDetails(ErrorCode.PROTECTED_AGENT,
                        Map.of("agent_id", agentId, "tag", PROTECTED_TAG), agentId);
            }
            String now = Timestamps.now(clock);
            String backup = backups.write(current, now, Timestamps.fileStamp(clock));
            long logSeq = effectiveRecords.lastSeq(agentId);
            AgentRecord deleted = metadata.update(agentId, stored -> effectiveRecords.operatorChange(stored, logSeq,
                    record -> {
                        AgentEditor.refuseDeleted(record);
                        return record.withStatus(AgentStatus.DELETED).withLifecycleEvent(
                                LifecycleEvent.of("deleted", now, orDefault(reason, "Deleted on request")));
                    }));
            return new Deletion(deleted, backup);
        }
    }

    /** The agent finished a response and waits for input: → waiting_input (refused while paused or deleted). */
    public AgentRecord responseComplete(String agentId, @Nullable String summary) {
        return transition(agentId, (record, now) -> {
            AgentEditor.refuseDeleted(record);
            if (record.status() == AgentStatus.PAUSED) {
                throw GovflowException.withDetails(ErrorCode.AGENT_PAUSED, Map.of("agent_id", agentId), agentId);
            }
            return record.withStatus(AgentStatus.WAITING_INPUT).withLastResponseAt(now).withResponseCompleted(true)
                    .withArchivedAt(null)
                    .withLifecycleEvent(LifecycleEvent.of("response_completed", now,
                            orDefault(summary, "Response completed; waiting for input")));
        });
    }

    private AgentRecord transition(String agentId, Change change) {
        storeHealth.checkWritable();
        try (LockHandle ignored = locks.acquire(LockKey.agent(agentId))) {
            existing(agentId);
            String now = Timestamps.now(clock);
            long logSeq = effectiveRecords.lastSeq(agentId);
            return metadata.update(agentId,
                    stored -> effectiveRecords.operatorChange(stored, logSeq, record -> change.apply(record, now)));
        }
    }

    private void requireSafe(String agentId) {
        MetricsSnapshot m = updateFlow.metrics(agentId).snapshot();
        Thresholds t = thresholds.current();
        boolean safe = m.coherence() > t.coherenceCritical() && m.meanRisk() < t.riskRevise() && !m.voidActive();
        if (!safe) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("agent_id", agentId);
            details.put("coherence", m.coherence());
            details.put("coherence_required_above", t.coherenceCritical());
            details.put("mean_attention", m.meanRisk());
            details.put("mean_attention_required_below", t.riskRevise());
            details.put("void_active", m.voidActive());
            throw GovflowException.withDetails(ErrorCode.UNSAFE_RESUME, details, agentId);
        }
    }

    /** The record as its update log makes it: a status an update set counts even before its checkpoint. */
    private AgentRecord existing(String agentId) {
        return metadata.find(agentId).map(effectiveRecords::effective).orElseThrow(() -> GovflowException.withDetails(ErrorCode.AGENT_NOT_FOUND,
                Map.of("agent_id", agentId), agentId));
    }

    private static String orDefault(@Nullable String text, String fallback) {
        return text == null || text.isBlank() ? fallback : text;
    }

    /** A status change applied to the record on disk under the metadata lock. */
    @FunctionalInterface
    private interface Change {
        AgentRecord apply(AgentRecord record, String now);
    }
}
