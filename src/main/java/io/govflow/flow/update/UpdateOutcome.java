package io.govflow.flow.update;

import io.govflow.engine.Decision;
import io.govflow.engine.SamplingParams;
import io.govflow.engine.UpdateMetrics;
import org.jspecify.annotations.Nullable;

/**
 * What one update (or simulation) produced, as the client sees it. Committed updates are always rebuilt from
 * their update-log line, so a replay with the same Idempotency-Key is identical to the original (a replay
 * carries no {@code significance}: its export is not run again).
 */
public record UpdateOutcome(String agentId, String status, Decision decision, UpdateMetrics metrics,
        SamplingParams samplingParams, String timestamp, boolean simulation,
        @Nullable SignificanceReport significance) {

    public UpdateOutcome withSignificance(SignificanceReport report) {
        return new UpdateOutcome(agentId, status, decision, metrics, samplingParams, timestamp, simulation, report);
    }
}
