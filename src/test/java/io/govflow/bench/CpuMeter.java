package io.govflow.bench;

import java.time.Duration;

/** CPU time of the service process and of this driver process over a phase, in cores (CPU seconds per second). */
final class CpuMeter {

    private final ProcessHandle server;
    private final long serverStart;
    private final long driverStart;
    private final long wallStart;

    private CpuMeter(ProcessHandle server) {
        this.server = server;
        this.serverStart = cpuNanos(server);
        this.driverStart = cpuNanos(ProcessHandle.current());
        this.wallStart = System.nanoTime();
    }

    static CpuMeter start(ProcessHandle server) {
        return new CpuMeter(server);
    }

    /** {server cores, driver cores} since the start. */
    double[] cores() {
        double wall = Math.max(1, System.nanoTime() - wallStart);
        return new double[] { Math.max(0, cpuNanos(server) - serverStart) / wall,
                (cpuNanos(ProcessHandle.current()) - driverStart) / wall };
    }

    private static long cpuNanos(ProcessHandle process) {
        return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }
}
