package io.govflow.flow.update;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import io.govflow.config.GovflowProperties;
import io.govflow.store.io.LogText;
import io.govflow.store.io.StoreHealth;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Runs the checkpoints in the background (§5.3, §5.4): a metadata group commit whenever a line has waited a flush
 * interval, state files as they fall due, and the hard cap — while any checkpoint is further behind than
 * {@code max-checkpoint-lag}, new writes are refused ({@code CHECKPOINT_BACKLOG}) and readiness is DOWN. Stops last
 * (after the web server has drained) and then writes every checkpoint, so a graceful shutdown leaves each one at its
 * log.
 */
@Component
public class Checkpointer implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(Checkpointer.class);
    private static final long TICK_MILLIS = 100;
    /** After the web server's graceful stop (lower phases stop later) and before the store closes. */
    private static final int PHASE = Integer.MIN_VALUE + 1024;

    private final MetadataCheckpoints metadata;
    private final StateCheckpoints states;
    private final StoreHealth storeHealth;
    private final long flushIntervalNanos;
    private final long maxLagNanos;
    private final int writesPerTick;
    private volatile @Nullable ScheduledExecutorService executor;
    private volatile long lagNanos;

    Checkpointer(MetadataCheckpoints metadata, StateCheckpoints states, StoreHealth storeHealth,
            GovflowProperties properties,
            ObjectProvider<MeterRegistry> meterRegistry) {
        MeterRegistry meters = MeterRegistries.orDetached(meterRegistry);
        this.metadata = metadata;
        this.states = states;
        this.storeHealth = storeHealth;
        GovflowProperties.Store store = properties.store();
        this.flushIntervalNanos = store.metadataFlushInterval().toNanos();
        this.maxLagNanos = store.maxCheckpointLag().toNanos();
        this.writesPerTick = Math.max(1, (int) (store.checkpointWritesPerSecond() * TICK_MILLIS / 1000));
        Gauge.builder("govflow.checkpoint.lag", this, c -> c.lagNanos / 1e9).baseUnit("seconds")
                .description("How far the oldest checkpoint (metadata or state file) is behind its update log")
                .register(meters);
    }

    /** Writes every checkpoint now: the metadata group commit, then every state file behind its log. */
    public boolean flushAll() {
        boolean metadataWritten = metadata.flush();
        boolean statesWritten = states.writeAll();
        return metadataWritten && statesWritten;
    }

    /** How far the oldest checkpoint is behind, as of the last tick. */
    public Duration lag() {
        return Duration.ofNanos(lagNanos);
    }

    @Override
    public synchronized void start() {
        if (executor == null) {
            ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "govflow-checkpointer");
                thread.setDaemon(true);
                return thread;
            });
            started.scheduleWithFixedDelay(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
            executor = started;
        }
    }

    @Override
    public synchronized void stop() {
        ScheduledExecutorService running = executor;
        if (running == null) {
            return;
        }
        executor = null;
        running.shutdown();
        try {
            running.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!storeHealth.readOnly() && !flushAll()) {
            LOG.warn("shutdown: some checkpoints could not be written; the next start rolls them forward");
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    private void tick() {
        try {
            long now = System.nanoTime();
            Long oldestMetadata = metadata.oldestNanos();
            if (oldestMetadata != null && now - oldestMetadata >= flushIntervalNanos && !storeHealth.readOnly()) {
                metadata.flush();
            }
            if (!storeHealth.readOnly()) {
                states.writeDue(writesPerTick);
            }
            updateLag(System.nanoTime());
        } catch (RuntimeException e) {
            // the next tick tries again; a checkpoint is never given up because one round failed
            LOG.warn("checkpoint round failed: {}", LogText.safe(e));
        }
    }

    private void updateLag(long now) {
        long lag = Math.max(age(metadata.oldestNanos(), now), age(states.oldestNanos(), now));
        lagNanos = lag;
        storeHealth.backlog(lag > maxLagNanos);
    }

    private static long age(@Nullable Long sinceNanos, long now) {
        return sinceNanos == null ? 0 : Math.max(0, now - sinceNanos);
    }
}
