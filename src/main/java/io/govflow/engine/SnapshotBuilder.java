package io.govflow.engine;

import java.util.List;
import java.util.Set;

/** Assembles the read-only metrics view of a state without running an update. */
final class SnapshotBuilder {

    private static final int RECENT = 10;
    // Older files may still hold the legacy approve/reflect/revise/reject labels.
    private static final Set<String> PROCEED_LIKE = Set.of(Decision.PROCEED, "approve", "reflect", "revise");
    private static final Set<String> PAUSE_LIKE = Set.of(Decision.PAUSE, "reject");
    private static final double HEALTHY_FROM = 0.52;
    private static final double MODERATE_FROM = 0.48;

    private final GovernanceState state;
    private final Thresholds thresholds;

    SnapshotBuilder(GovernanceState state, Thresholds thresholds) {
        this.state = state;
        this.thresholds = thresholds;
    }

    MetricsSnapshot build() {
        DoubleHistory attention = state.attentionSeries();
        Double currentRisk = attention.isEmpty() ? null : mean(attention.last(RECENT));
        double meanRisk = attention.isEmpty() ? 0.0 : mean(attention.toList());
        double phi = Verdict.phi(state.e(), state.i(), state.s(), state.v(), DriftVector.zero());
        long pauses = count(PAUSE_LIKE);
        return new MetricsSnapshot(state.e(), state.i(), state.s(), state.v(), state.coherence(), state.lambda1(),
                state.voidActive(), state.time(), state.updateCount(), state.lambda1UpdateSkips(), status(currentRisk),
                SamplingParams.of(state.lambda1()), state.vSeries().size(), currentRisk, meanRisk,
                currentRisk != null ? currentRisk : meanRisk, phi, Verdict.of(phi),
                VoidDetector.overallVoidFrequency(state.vSeries(), thresholds),
                count(PROCEED_LIKE), pauses);
    }

    private String status(Double currentRisk) {
        if (currentRisk == null) {
            return statusFromCoherence(state.coherence());
        }
        return StatusPolicy.status(state.voidActive(), state.coherence(), currentRisk, thresholds);
    }

    private static String statusFromCoherence(double coherence) {
        if (coherence >= HEALTHY_FROM) {
            return StatusPolicy.HEALTHY;
        }
        return coherence >= MODERATE_FROM ? StatusPolicy.MODERATE : StatusPolicy.CRITICAL;
    }

    private long count(Set<String> labels) {
        BoundedHistory<String> decisions = state.decisionSeries();
        long matching = 0;
        for (int index = 0; index < decisions.size(); index++) {
            if (labels.contains(decisions.get(index))) {
                matching++;
            }
        }
        return matching;
    }

    private static double mean(List<Double> values) {
        double[] array = new double[values.size()];
        for (int index = 0; index < array.length; index++) {
            array[index] = values.get(index);
        }
        return ReferenceSum.mean(array);
    }
}
