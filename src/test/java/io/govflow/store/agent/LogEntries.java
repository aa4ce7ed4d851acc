package io.govflow.store.agent;

import java.time.Instant;

import io.govflow.store.io.Timestamps;

/** Update-log entries with distinct, realistic values for tests. */
final class LogEntries {

    private static final Instant START = Instant.parse("2025-12-01T15:12:45.585896Z");

    private LogEntries() {
    }

    static UpdateLogEntry entry(long seq) {
        double x = seq * 1e-6;
        return new UpdateLogEntry(seq, Timestamps.format(START.plusMillis(seq * 1500)), 0.702 + x, 0.809 - x,
                0.1815, -0.003 - x, 0.649, 0.397 + x, seq % 7 == 0 ? "pause" : "proceed", 0.125, 0.13, 0.21,
                "safe", false, "healthy", 0.9, 0.5, 0.3, 1.0, 0.02 * seq, 0.1 * seq, seq / 5, null, null);
    }
}
