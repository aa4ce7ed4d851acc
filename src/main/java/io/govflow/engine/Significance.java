package io.govflow.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether an update is worth an automatic export, judged on the state right after it: an attention spike or a
 * coherence drop against the mean of up to nine preceding values, a large |V|, or a pause.
 */
public final class Significance {

    public static final String ATTENTION_SPIKE = "attention_spike";
    public static final String COHERENCE_DROP = "coherence_drop";
    public static final String VOID_MAGNITUDE = "void_magnitude";
    public static final String PAUSE_DECISION = "pause_decision";

    private static final double SPIKE_THRESHOLD = 0.15;
    private static final double DROP_THRESHOLD = 0.10;
    private static final double VOID_THRESHOLD = 0.10;
    private static final int WINDOW = 10;

    private Significance() {
    }

    /** The reason codes that apply, in a fixed order; empty when the update is not significant. */
    public static List<String> reasons(GovernanceState stateAfterUpdate, UpdateResult result) {
        List<String> reasons = new ArrayList<>();
        if (riseOverBaseline(stateAfterUpdate.attentionSeries()) > SPIKE_THRESHOLD) {
            reasons.add(ATTENTION_SPIKE);
        }
        if (-riseOverBaseline(stateAfterUpdate.coherenceSeries()) > DROP_THRESHOLD) {
            reasons.add(COHERENCE_DROP);
        }
        if (Math.abs(stateAfterUpdate.v()) > VOID_THRESHOLD) {
            reasons.add(VOID_MAGNITUDE);
        }
        if (Decision.PAUSE.equals(result.decision().action())) {
            reasons.add(PAUSE_DECISION);
        }
        return List.copyOf(reasons);
    }

    /** Newest value minus the mean of up to nine values before it; 0 with fewer than two values. */
    private static double riseOverBaseline(DoubleHistory series) {
        if (series.size() < 2) {
            return 0.0;
        }
        List<Double> window = series.last(WINDOW);
        double sum = 0.0;
        for (int index = 0; index < window.size() - 1; index++) {
            sum += window.get(index);
        }
        return window.get(window.size() - 1) - sum / (window.size() - 1);
    }
}
