package io.govflow.flow.fleet;

import java.time.Instant;
import java.util.List;

/** {@code GET /api/v1/fleet/anomalies}: the most severe first, at most the limit asked for. */
public record FleetAnomalies(Instant generatedAt, int window, double sigma, List<Anomaly> anomalies) {

    public FleetAnomalies {
        anomalies = List.copyOf(anomalies);
    }
}
