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
import io.govflow.store.agent.AgentStatus;
import io.govflow.store.agent.MetadataRepository;
import io.govflow.store.agent.StateFileRepository;
import io.govflow.store.agent.StoredStatus;
import io.govflow.store.agent.UpdateLog;
import io.govflow.store.agent.UpdateLogEntry;
import io.govflow.store.io.LockHandle;
import io.govflow.store.io.LockKey;
import io.govflow.store.io.LockManager;
import io.govflow.store.io.LogText;
import io.govflow.store.io.StoreHealth;
import io.govflow.store.io.Timestamps;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The update flow of the seed: authenticate (done before binding) → validate → compute → decide → persist →
 * respond. Persisting follows the commit protocol: the update-log append is the commit point, then the state
 * file and the metadata are written as checkpoints of it, all under the agent lock.
 */
@Service
public class UpdateFlow {

    private static final Logger LOG = LoggerFactory.getLogger(UpdateFlow.class);

    private final LockManager locks;
    private final MetadataRepository metadata;
    private final StateFileRepository stateFiles;
    private final UpdateLog updateLog;
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
    private final Counter metadataCheckpointsDeferred;
    private final LaggingCheckpoints lagging;

    public UpdateFlow(LockManager locks, MetadataRepository metadata, StateFileRepository stateFiles,
            UpdateLog updateLog, AgentStateLoader loader, IdempotencyIndex idempotency, CurrentThresholds thresholds,
            RecordedTimes times, StoreHealth storeHealth, GovflowProperties properties, Clock clock,
            MeterRegistry meters, SignificanceStep significance, EffectiveRecords effectiveRecords,
            LaggingCheckpoints lagging) {
        this.effectiveRecords = effectiveRecords;
        this.lagging = lagging;
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
                .description("Committed updates: load, compute, log append, checkpoints (under the agent lock)")
                .publishPercentileHistogram().register(meters);
        this.significance = significance;
        this.metadataCheckpointsDeferred = Counter.builder("govflow.checkpoint.deferred")
                .description("Metadata checkpoints of committed updates left to a later write (lock busy)")
                .register(meters);
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
            LoadedAgent loaded = loader.load(agentId, stored.totalUpdates());
            requireLogNotBehindMetadata(stored, loaded);
            // decisions act on what the log says, also when a checkpoint lags behind it
            AgentRecord record = effectiveRecords.effective(stored, loaded.seq());
            refuseByLifecycle(record);
            String now = Timestamps.now(clock);
            checkLoops(agentId, record, now);
            GovernanceState next = loaded.state().copy();
            UpdateResult result = engine.process(next, command.toInput(), current, now);
            UpdateLogEntry entry = CommittedUpdates.toEntry(result, next, command, now,
                    statusAfterUpdate(record.status(), result.decision().action()), current, idempotencyKey);
            commit(agentId, entry, next, loaded);
            writeCheckpoints(agentId, entry, next, loaded);
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
    private static void requireLogNotBehindMetadata(AgentRecord record, LoadedAgent loaded) {
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

    private void commit(String agentId, UpdateLogEntry entry, GovernanceState next, LoadedAgent loaded) {
        try {
            updateLog.append(agentId, entry);
        } catch (RuntimeException e) {
            loader.forget(agentId);
            throw e;
        }
        loader.remember(agentId, new LoadedAgent(next, entry.seq(), loaded.unknownStateFields()));
        idempotency.committed(agentId, entry);
    }

    /**
     * Steps 4–5: if either fails the update still stands; the next access or start-up rolls forward. The metadata
     * record is rolled forward over every line it has not taken in, not just this one, so a checkpoint that failed
     * earlier loses no recent-update entry and no status change.
     */
    private void writeCheckpoints(String agentId, UpdateLogEntry entry, GovernanceState next, LoadedAgent loaded) {
        try {
            stateFiles.write(agentId, StateMapping.toStateFile(next, loaded.unknownStateFields()));
            metadata.update(agentId, r -> r.totalUpdates() == entry.seq() - 1
                    ? MetadataChanges.rolledForward(r, List.of(entry))
                    : effectiveRecords.effective(r, entry.seq()));
            lagging.caughtUp(agentId);
        } catch (GovflowException e) {
            lagging.markBehind(agentId);
            if (e.code() == ErrorCode.LOCK_TIMEOUT) {
                // the metadata lock was busy past its deadline: the update stands and readers see it through the
                // log; the agent's next update, edit, operator change or start-up writes the checkpoint
                metadataCheckpointsDeferred.increment();
                LOG.warn("Metadata checkpoint of agent {} at seq {} deferred: the metadata lock stayed busy",
                        LogText.safe(agentId), entry.seq());
                return;
            }
            throw GovflowException.withDetails(ErrorCode.STORAGE_ERROR,
                    Map.of("committed", true, "seq", entry.seq(), "cause_code", e.code().name()));
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
