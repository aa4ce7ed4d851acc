package io.govflow.store.export;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.NoSuchElementException;

import io.govflow.store.agent.UpdateLog;
import io.govflow.store.agent.UpdateLogEntry;
import io.govflow.store.io.AtomicFileWriter;
import io.govflow.store.io.DataDirectory;
import io.govflow.store.io.StoreHealth;
import io.govflow.store.io.StoreJson;
import io.govflow.store.io.Timestamps;

/** Update logs generated directly on disk in the store's format (large histories without the API). */
public final class GeneratedLogs {

    private static final Instant START = Instant.parse("2025-12-01T15:12:45.585896Z");

    private GeneratedLogs() {
    }

    /** Writes seqs {@code first..first+count-1}, lazily (memory stays flat for any count). */
    public static void write(Path dataDir, String agentId, long first, long count) {
        StoreHealth health = new StoreHealth();
        UpdateLog log = new UpdateLog(new DataDirectory(dataDir), new AtomicFileWriter(health), health,
                new StoreJson(), Clock.systemUTC());
        log.writeAll(agentId, () -> entries(first, count));
    }

    public static void write(Path dataDir, String agentId, long count) {
        write(dataDir, agentId, 1, count);
    }

    public static UpdateLogEntry entry(long seq) {
        double x = (seq % 1000) * 1e-4;
        return new UpdateLogEntry(seq, Timestamps.format(START.plusMillis(seq * 1500)), 0.702 + x / 10,
                0.809 - x / 10, 0.1815 + x / 20, -0.003 - x / 100, 0.649 - x / 10, 0.397 + x / 10,
                seq % 7 == 0 ? "pause" : "proceed", 0.125, 0.13, 0.21, "safe", false, "healthy", 0.9, 0.5, 0.3, 1.0,
                0.02, 0.1 * seq, seq / 5, null, null);
    }

    private static Iterator<UpdateLogEntry> entries(long first, long count) {
        return new Iterator<>() {
            private long next = first;

            @Override
            public boolean hasNext() {
                return next < first + count;
            }

            @Override
            public UpdateLogEntry next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return entry(next++);
            }
        };
    }
}
