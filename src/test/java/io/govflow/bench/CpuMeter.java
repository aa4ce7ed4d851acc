package io.govflow.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * CPU over a phase, in cores (CPU seconds per second): the service process, this driver process, and everything
 * else the machine ran meanwhile (other processes, from {@code /proc/stat}), so a figure taken while the cores were
 * shared says so.
 */
final class CpuMeter {

    /** {@code USER_HZ}: the unit of {@code /proc/stat}, 100 on every Linux architecture that matters here. */
    private static final double TICKS_PER_SECOND = 100;

    private final ProcessHandle server;
    private final long serverStart;
    private final long driverStart;
    private final double machineStart;
    private final long wallStart;

    private CpuMeter(ProcessHandle server) {
        this.server = server;
        this.serverStart = cpuNanos(server);
        this.driverStart = cpuNanos(ProcessHandle.current());
        this.machineStart = machineBusySeconds();
        this.wallStart = System.nanoTime();
    }

    static CpuMeter start(ProcessHandle server) {
        return new CpuMeter(server);
    }

    /**
     * {service, driver, other processes} cores since the start. The service's share is unknown (NaN) once it has
     * died (a killed process leaves no CPU time to read), and so is the others' share.
     */
    double[] cores() {
        double wall = Math.max(1, System.nanoTime() - wallStart) / 1e9;
        double service = server.isAlive() ? (cpuNanos(server) - serverStart) / 1e9 / wall : Double.NaN;
        double driver = (cpuNanos(ProcessHandle.current()) - driverStart) / 1e9 / wall;
        double machine = (machineBusySeconds() - machineStart) / wall;
        return new double[] { service, driver, Math.max(0, machine - service - driver) };
    }

    private static long cpuNanos(ProcessHandle process) {
        return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    /** Busy CPU seconds of the whole machine since boot (user, nice, system, irq, softirq, steal). */
    private static double machineBusySeconds() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int k : new int[] { 1, 2, 3, 6, 7, 8 }) {
                busy += Long.parseLong(f[k]);
            }
            return busy / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }
}
