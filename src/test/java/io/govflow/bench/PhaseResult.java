package io.govflow.bench;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One load phase: what was offered, what was answered and how fast.
 *
 * @param updatesPerSecond 2xx answers per second of the phase
 * @param offeredPerSecond the constant rate of an open-loop phase; null for closed loop
 * @param notSent open loop: requests still unsent when the phase was cut off; their latency counts as at least the
 *     time they had waited, so percentiles are then lower bounds
 * @param serverCores CPU used by the service, in cores
 * @param driverCores CPU used by this driver process, in cores
 * @param otherCores CPU used by every other process of the machine meanwhile, in cores
 */
record PhaseResult(String name, int clients, int agents, double seconds, long ok, long failed, long transport,
        long committedFailures, Map<String, Long> errorCodes, double updatesPerSecond, double p50, double p90,
        double p99, double p999, double max, @Nullable Double offeredPerSecond, long notSent, double serverCores,
        double driverCores, double otherCores, @Nullable String firstError) {

    static PhaseResult of(String name, int clients, int agents, double seconds, Tally tally, Samples latencies,
            @Nullable Double offered, long notSent, double[] cores) {
        return new PhaseResult(name, clients, agents, seconds, tally.ok(), tally.failed(), tally.transport(),
                tally.committedFailures(), tally.codes(), tally.ok() / Math.max(seconds, 1e-9),
                latencies.percentileMillis(0.50), latencies.percentileMillis(0.90), latencies.percentileMillis(0.99),
                latencies.percentileMillis(0.999), latencies.maxMillis(), offered, notSent, cores[0], cores[1],
                cores[2], tally.firstError());
    }

    long errors() {
        return failed + transport;
    }

    /** A short human summary of the failures, empty when there were none. */
    String errorSummary() {
        if (errors() == 0) {
            return "";
        }
        StringBuilder out = new StringBuilder().append(errors()).append(" errors");
        if (!errorCodes.isEmpty()) {
            out.append(' ').append(errorCodes);
        }
        if (transport > 0) {
            out.append(", ").append(transport).append(" without answer");
        }
        return out.toString();
    }
}
