package io.govflow.ops;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * Whether the database answered lately, cheap to ask often: a probe result is reused for {@link #MAX_AGE}, and
 * once it is older a single background probe refreshes it while callers get the last answer. A probe can wait for
 * the pool's connection timeout while the database is away, so no health request ever waits for it, and at most
 * one probe runs at a time. Only the very first question probes in the caller's thread.
 */
final class DatabaseReachability {

    static final Duration MAX_AGE = Duration.ofSeconds(1);

    private final BooleanSupplier probe;
    private final LongSupplier nanoClock;
    private final AtomicBoolean probing = new AtomicBoolean();
    private volatile boolean reachable;
    private volatile long checkedAt;
    private volatile boolean known;

    DatabaseReachability(BooleanSupplier probe, LongSupplier nanoClock) {
        this.probe = probe;
        this.nanoClock = nanoClock;
    }

    boolean reachable() {
        if (!known) {
            first();
        } else if (nanoClock.getAsLong() - checkedAt >= MAX_AGE.toNanos() && probing.compareAndSet(false, true)) {
            Thread thread = new Thread(this::refreshHeld, "govflow-database-probe");
            thread.setDaemon(true);
            thread.start();
        }
        return reachable;
    }

    private synchronized void first() {
        if (!known) {
            probing.set(true);
            refreshHeld();
        }
    }

    private void refreshHeld() {
        try {
            reachable = probe.getAsBoolean();
            checkedAt = nanoClock.getAsLong();
            known = true;
        } finally {
            probing.set(false);
        }
    }
}
