package io.govflow.flow.update;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.govflow.config.GovflowProperties;
import io.govflow.engine.GovernanceEngine;
import io.govflow.engine.GovernanceState;
import io.govflow.engine.Significance;
import io.govflow.engine.Thresholds;
import io.govflow.engine.UpdateResult;
import io.govflow.error.ErrorCode;
import io.govflow.error.GovflowException;
import io.govflow.store.agent.AgentRecord;
import io.govflow.store.agent.UpdateLogStore;
import io.govflow.store.agent.AgentStatus;
import io.govflow.store.agent.MetadataStore;
import io.govflow.store.agent.StateStore;
import io.govflow.store.agent.StoredStatus;
import io.govflow.store.agent.UpdateLogEntry;
import io.govflow.store.io.FileStamp;
import io.govflow.store.io.LockHandle;
import io.govflow.store.io.LockKey;
import io.govflow.store.io.LockManager;
import io.govflow.store.io.StoreHealth;
import io.govflow.store.io.Timestamps;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The update flow of the seed: authenticate (done before binding) → validate → compute → decide → persist →
 * respond. Persisting follows the commit protocol: under the agent lock, the fsynced update-log append is the commit
 * point and the only synchronous write; the state file and the metadata record are checkpoints of the log that the
 * {@link Checkpointer} writes within their lag bound.
 */
@Service
public class UpdateFlow {


    private final LockManager locks;
    private final MetadataStore metadata;
    private final StateStore stateFiles;
    private final UpdateLogStore updateLog;
    private final AgentStateLoader loader;
    private final IdempotencyIndex idempotency;
    private final GovernanceEngine engine = new GovernanceEngine();
    private final CurrentThresholds thresholds;
    private final RecordedTimes times;
    private final StoreHealth storeHealth;
    private final GovflowProperties.Governance governance;
    private final Clock clock;
    private final Timer updateLatency;
    private final SignificanceStep significance;
    private final EffectiveRecords effectiveRecords;
    private final MetadataCheckpoints metadataCheckpoints;
    private final StateCheckpoints stateCheckpoints;
    private final List<CommitObserver> observers;

    public UpdateFlow(LockManager locks, MetadataStore metadata, StateStore stateFiles,
            UpdateLogStore updateLog, AgentStateLoader loader, IdempotencyIndex idempotency, CurrentThresholds thresholds,
            RecordedTimes times, StoreHealth storeHealth, GovflowProperties properties, Clock clock,
            MeterRegistry meters, SignificanceStep significance, EffectiveRecords effectiveRecords,
            MetadataCheckpoints metadataCheckpoints, StateCheckpoints stateCheckpoints,
            List<CommitObserver> observers) {
        this.observers = List.copyOf(observers);
        this.effectiveRecords = effectiveRecords;
        this.metadataCheckpoints = metadataCheckpoints;
        this.stateCheckpoints = stateCheckpoints;
        this.locks = locks;
        this.metadata = metadata;
        this.stateFiles = stateFiles;
        this.updateLog = updateLog;
        this.loader = loader;
        this.idempotency = idempotency;
        this.thresholds = thresholds;
        this.times = times;
        this.storeHealth = storeHealth;
        this.governance = properties.governance();
        this.clock = clock;
        this.updateLatency = Timer.builder("govflow.update.latency")
                .description("Committed updates: load, compute, log append (under the agent lock)")
                .publishPercentileHistogram().register(meters);
        this.significance = significance;
    }

    public UpdateOutcome update(String agentId, UpdateCommand command, @Nullable String idempotencyKey) {
        Committed committed = updateLatency.record(() -> updateLocked(agentId, command, idempotencyKey));
        // --- significance (auto_export_on_significance): judged under the lock, exported after it ---
        return committed.significanceReasons() == null ? committed.outcome()
                : significance.apply(agentId, committed.outcome(), committed.significanceReasons());
    }

    /** An update's outcome, and the reasons it is significant when the client asked for that judgement. */
    private record Committed(UpdateOutcome outcome, @Nullable List<String> significanceReasons) {
    }

    private Committed updateLocked(String agentId, UpdateCommand command, @Nullable String idempotencyKey) {
        if (idempotencyKey == null) {
            storeHealth.checkWritable();
        }
        try (LockHandle ignored = locks.acquire(LockKey.agent(agentId))) {
            AgentRecord stored = existing(agentId);
            Thresholds current = thresholds.current();
            if (idempotencyKey != null) {
                Optional<UpdateLogEntry> earlier = idempotency.find(agentId, idempotencyKey);
                if (earlier.isPresent()) {
                    return new Committed(replay(agentId, earlier.get(), command), null);
                }
                // a replay is a read and is answered while the store is read-only; a new update is not
                storeHealth.checkWritable();
            }
            AgentView loaded = loader.load(agentId, stored.totalUpdates());
            requireLogNotBehindMetadata(stored, loaded);
            metadataCheckpoints.requireLogNotBehindHeldLines(agentId, loaded.seq());
            // decisions act on what the log says, also when a checkpoint lags behind it
            AgentRecord record = effectiveRecords.effective(stored, loaded.seq());
            refuseByLifecycle(record);
            String now = Timestamps.now(clock);
            checkLoops(agentId, record, now);
            GovernanceState next = loaded.state().copy();
            UpdateResult result = engine.process(next, command.toInput(), current, now);
            UpdateLogEntry entry = CommittedUpdates.toEntry(result, next, command, now,
                    statusAfterUpdate(record.status(), result.decision().action()), current, idempotencyKey);
            FiniteResults.require(entry);
            commit(agentId, entry, next, loaded);
            UpdateOutcome outcome = CommittedUpdates.toOutcome(agentId, entry, current, false);
            return new Committed(outcome,
                    command.autoExportOnSignificance() ? Significance.reasons(next, result) : null);
        }
    }

    /**
     * A metadata count ahead of a non-empty log means the log lost committed lines (restored from an older copy):
     * continuing would number new lines below it and step {@code total_updates} back, so this is
     * {@code STATE_CORRUPT}, as at start-up. An empty log is an agent from before update logs existed.
     */
    private static void requireLogNotBehindMetadata(AgentRecord record, AgentView loaded) {
        if (loaded.seq() > 0 && record.totalUpdates() > loaded.seq()) {
            throw LogBehind.corrupt(record.agentId(), record.totalUpdates(), loaded.seq());
        }
    }

    public UpdateOutcome simulate(String agentId, UpdateCommand command) {
        AgentRecord record = existing(agentId);
        Thresholds current = thresholds.current();
        GovernanceState copy = loader.load(agentId, record.totalUpdates()).state().copy();
        String now = Timestamps.now(clock);
        UpdateResult result = engine.process(copy, command.toInput(), current, now);
        UpdateLogEntry entry = CommittedUpdates.toEntry(result, copy, command, now, null, current, null);
        FiniteResults.require(entry);
        return CommittedUpdates.toOutcome(agentId, entry, current, true);
    }

    public AgentMetrics metrics(String agentId) {
        AgentRecord record = existing(agentId);
        GovernanceState state = loader.load(agentId, record.totalUpdates()).state();
        return new AgentMetrics(agentId, engine.snapshot(state, thresholds.current()));
    }

    private AgentRecord existing(String agentId) {
        return metadata.find(agentId).orElseThrow(() -> new GovflowException(ErrorCode.AGENT_NOT_FOUND, agentId));
    }

    private UpdateOutcome replay(String agentId, UpdateLogEntry earlier, UpdateCommand command) {
        if (!command.requestHash().equals(earlier.requestHash())) {
            throw new GovflowException(ErrorCode.IDEMPOTENCY_KEY_REUSED);
        }
        // the first answer, texts included, even when the thresholds changed since
        return CommittedUpdates.toOutcome(agentId, earlier, CommittedUpdates.decidedWith(earlier), false);
    }

    private static void refuseByLifecycle(AgentRecord record) {
        if (record.status() == AgentStatus.PAUSED) {
            throw new GovflowException(ErrorCode.AGENT_PAUSED, record.agentId());
        }
        if (record.status() == AgentStatus.DELETED) {
            throw new GovflowException(ErrorCode.AGENT_DELETED, record.agentId());
        }
    }

    private void checkLoops(String agentId, AgentRecord record, String now) {
        if (!governance.loopDetection()) {
            return;
        }
        Instant instant = clock.instant();
        Optional<Instant> cooldown = Optional.ofNullable(record.loopCooldownUntil()).flatMap(times::parse);
        if (cooldown.isPresent() && cooldown.get().isAfter(instant)) {
            throw loopDetected("cooldown", secondsUntil(cooldown.get(), instant));
        }
        Instant lastDetection = Optional.ofNullable(record.loopDetectedAt()).flatMap(times::parse).orElse(null);
        LoopGuard.detect(recorded(record), instant, lastDetection).ifPresent(detection -> {
            String until = Timestamps.format(instant.plus(detection.cooldown()));
            metadata.update(agentId, r -> MetadataChanges.loopDetected(r, detection.pattern(), now, until));
            throw loopDetected(detection.pattern(), detection.cooldown().toSeconds());
        });
    }

    private List<LoopGuard.Recorded> recorded(AgentRecord record) {
        List<String> stamps = record.recentUpdateTimestamps();
        List<String> decisions = record.recentDecisions();
        List<LoopGuard.Recorded> out = new ArrayList<>();
        for (int k = 0; k < stamps.size(); k++) {
            String decision = k < decisions.size() ? decisions.get(k) : "proceed";
            boolean pause = "pause".equals(decision) || "reject".equals(decision);
            times.parse(stamps.get(k)).ifPresent(at -> out.add(new LoopGuard.Recorded(at, pause)));
        }
        return out;
    }

    private static GovflowException loopDetected(String pattern, long retryAfterSeconds) {
        return GovflowException.retryAfter(ErrorCode.LOOP_DETECTED, Math.max(1, retryAfterSeconds),
                Map.of("pattern", pattern, "retry_after_seconds", Math.max(1, retryAfterSeconds)));
    }

    private static long secondsUntil(Instant until, Instant now) {
        return (long) Math.ceil((until.toEpochMilli() - now.toEpochMilli()) / 1000.0);
    }

    /**
     * Step 4, the commit point: the fsynced log line. The checkpoints follow in the background (state file, metadata
     * group commit); nothing after the append turns the committed update into an error.
     */
    private void commit(String agentId, UpdateLogEntry entry, GovernanceState next, AgentView loaded) {
        long end;
        try {
            end = updateLog.append(agentId, entry, loaded.logEnd());
        } catch (RuntimeException e) {
            loader.forget(agentId);
            throw e;
        }
        Object key = logKey(agentId, loaded);
        loader.remember(agentId, loaded.appended(next, entry.seq(), key, end));
        idempotency.committed(agentId, entry);
        metadataCheckpoints.committed(agentId, entry);
        stateCheckpoints.committed(agentId, entry.seq());
        observers.forEach(observer -> observer.committed(agentId, entry, end, key));
    }

    /** The log's identity: known from the view's stat, or (a log this append created) stat once now. */
    private @Nullable Object logKey(String agentId, AgentView loaded) {
        if (loaded.logKey() != null) {
            return loaded.logKey();
        }
        try {
            FileStamp stamp = updateLog.stamp(agentId);
            return stamp == null ? null : stamp.fileKey();
        } catch (GovflowException e) {
            // the next update stats the log again and reloads the view
            return null;
        }
    }

    /**
     * The lifecycle status an update sets, decided before the commit so that its log line carries it: a new update
     * wakes an archived or waiting agent, and a pause decision pauses it under enforce-pause. Null: unchanged.
     */
    private @Nullable AgentStatus statusAfterUpdate(StoredStatus before, String decision) {
        if (governance.enforcePause() && "pause".equals(decision)) {
            return AgentStatus.PAUSED;
        }
        if (before == AgentStatus.ARCHIVED || before == AgentStatus.WAITING_INPUT) {
            return AgentStatus.ACTIVE;
        }
        return null;
    }
}
