package io.govflow.bench;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU of the PostgreSQL server over a phase, in cores: its main process and every backend, read per process, so a
 * backend that starts during the phase counts from zero. A backend that exits during the phase takes its CPU with
 * it (the services' pools keep their connections, so that is rare).
 */
final class PostgresCpu {

    private final ProcessHandle postmaster;
    private final Map<Long, Long> startNanos;
    private final long wallStart;

    private PostgresCpu(ProcessHandle postmaster) {
        this.postmaster = postmaster;
        this.startNanos = snapshot(postmaster);
        this.wallStart = System.nanoTime();
    }

    static PostgresCpu start(ProcessHandle postmaster) {
        return new PostgresCpu(postmaster);
    }

    double cores() {
        double wall = Math.max(1, System.nanoTime() - wallStart) / 1e9;
        long used = 0;
        for (Map.Entry<Long, Long> now : snapshot(postmaster).entrySet()) {
            used += Math.max(0, now.getValue() - startNanos.getOrDefault(now.getKey(), 0L));
        }
        return used / 1e9 / wall;
    }

    private static Map<Long, Long> snapshot(ProcessHandle postmaster) {
        Map<Long, Long> cpu = new HashMap<>();
        Stream.concat(Stream.of(postmaster), postmaster.descendants()).forEach(p -> cpu.put(p.pid(),
                p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L)));
        return cpu;
    }
}
