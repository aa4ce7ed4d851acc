package io.govflow.bench;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/** Samples the checkpoint lag of a set of agents on its own thread while load runs, keeping the largest seen. */
final class LagSampler {

    private final CheckpointReader checkpoints;
    private final List<String> agentIds;
    private final long intervalNanos;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;
    private volatile CheckpointReader.Lag largest = CheckpointReader.Lag.NONE;
    private volatile int samples;
    private volatile String failure = "";

    private LagSampler(CheckpointReader checkpoints, Collection<String> agentIds, Duration interval) {
        this.checkpoints = checkpoints;
        this.agentIds = List.copyOf(agentIds);
        this.intervalNanos = interval.toNanos();
        this.thread = new Thread(this::run, "lag-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    static LagSampler start(CheckpointReader checkpoints, Collection<String> agentIds, Duration interval) {
        return new LagSampler(checkpoints, agentIds, interval);
    }

    /** Stops sampling; returns the largest lag seen. */
    CheckpointReader.Lag stop() {
        running.set(false);
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!failure.isEmpty()) {
            throw new IllegalStateException("checkpoint sampling failed: " + failure);
        }
        return largest;
    }

    int samples() {
        return samples;
    }

    private void run() {
        long next = System.nanoTime();
        while (running.get()) {
            try {
                largest = largest.max(checkpoints.sample(agentIds));
                samples++;
            } catch (RuntimeException e) {
                failure = e.toString();
                return;
            }
            next += intervalNanos;
            Sleep.until(next);
        }
    }
}
