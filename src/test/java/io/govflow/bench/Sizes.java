package io.govflow.bench;

import java.time.Duration;

/**
 * How long each phase runs and how large the generated data sets are. The full run uses the spec's sizes; the quick
 * one (CI) keeps every scenario but scales them down to stay within 90 s.
 *
 * @param historyLines prior updates of the long-history agent (scenario 3), also the exported history (5)
 * @param fleetAgents agents of the large fleet (4, 6); each has {@code linesPerAgent} updates
 */
record Sizes(String mode, Duration warmUp, Duration phase, Duration openWindow, Duration openDrainLimit,
        double openRate, int fsyncAppends, long historyLines, int smallFleet, int fleetAgents, long linesPerAgent,
        Duration killAfter, Duration lagInterval) {

    static Sizes full() {
        return new Sizes("full", Duration.ofSeconds(10), Duration.ofSeconds(15), Duration.ofSeconds(20),
                Duration.ofSeconds(10), 2000, 500, 100_000, 10, 10_000, 100, Duration.ofSeconds(5),
                Duration.ofMillis(250));
    }

    static Sizes quick() {
        return new Sizes("quick", Duration.ofSeconds(1), Duration.ofMillis(1500), Duration.ofSeconds(2),
                Duration.ofSeconds(1), 2000, 100, 50_000, 10, 1_000, 100, Duration.ofSeconds(1),
                Duration.ofMillis(250));
    }
}
