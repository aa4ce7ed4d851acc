package io.govflow.engine;

import java.util.List;

/**
 * One governance cycle per call: EISV step, coherence, void check, λ1 controller, Φ and verdict, attention,
 * decision, sampling suggestions and status, in the reference's order. Stateless and thread-safe; the state
 * passed in is mutated and must not be shared between threads during a call.
 */
public final class GovernanceEngine {

    private static final int TREND_WINDOW = 10;

    /**
     * Runs one full update and mutates {@code state} in place.
     *
     * @param timestamp the caller's UTC timestamp of this update, appended to the timestamp history as given
     * @throws IllegalArgumentException if complexity or confidence lies outside [0,1]
     */
    public UpdateResult process(GovernanceState state, UpdateInput input, Thresholds thresholds, String timestamp) {
        requireUnitInterval("complexity", input.complexity());
        requireUnitInterval("confidence", input.confidence());
        DriftVector drift = DriftVector.of(input.ethicalDrift());
        double lambda1Before = state.lambda1();
        double rawS = advanceDynamics(state, drift, lambda1Before, timestamp);
        state.setVoidActive(VoidDetector.isVoid(state.vSeries(), state.v(), thresholds));
        boolean lambda1Skipped = runControllerIfDue(state, input.confidence());

        double phi = Verdict.phi(state.e(), state.i(), state.s(), state.v(), drift);
        String verdict = Verdict.of(phi);
        TraditionalRisk traditional = TraditionalRisk.assess(new TextFeatures(input.responseText()),
                input.complexity(), state.coherence(), recentCoherence(state));
        double attention = recordAttention(state, AttentionScore.blend(phi, traditional.value()));

        Decision decision = DecisionPolicy.decide(verdict, attention, state.voidActive(), state.coherence(), thresholds);
        state.recordDecision(decision.action());
        SamplingParams sampling = SamplingParams.of(state.lambda1());
        String status = StatusPolicy.status(state.voidActive(), state.coherence(), attention, thresholds);
        UpdateMetrics metrics = metrics(state, input.confidence(), attention, phi, verdict, lambda1Skipped, thresholds);
        return new UpdateResult(status, decision, metrics, sampling, rawS, lambda1Before, traditional.finalComplexity());
    }

    /** The read-only metrics view of {@code state}; nothing is changed. */
    public MetricsSnapshot snapshot(GovernanceState state, Thresholds thresholds) {
        return new SnapshotBuilder(state, thresholds).build();
    }

    /** Steps E, I, S, V, records the new point and advances the clock; returns S before its clip into [0,1]. */
    private static double advanceDynamics(GovernanceState state, DriftVector drift, double lambda1, String timestamp) {
        EisvPoint now = new EisvPoint(state.e(), state.i(), state.s(), state.v());
        double coherenceBefore = Coherence.of(now.v(), state.c1());
        EisvPoint next = EisvDynamics.step(now, coherenceBefore, lambda1, drift.squaredNorm());
        // Deliberate deviation: the reference resets an S above 1 to 0.2, which lets huge drift wipe the entropy.
        EisvPoint kept = new EisvPoint(next.e(), next.i(), Bounds.clip(next.s(), 0.0, 1.0), next.v());
        state.moveTo(kept, Coherence.clipped(kept.v(), state.c1()));
        state.recordStep(lambda1, timestamp);
        state.advanceClock(EisvDynamics.DT);
        return next.s();
    }

    /** Returns whether a due controller run was skipped for low confidence. */
    private static boolean runControllerIfDue(GovernanceState state, double confidence) {
        if (!Lambda1Controller.isDue(state.updateCount())) {
            return false;
        }
        if (Lambda1Controller.isConfident(confidence)) {
            Lambda1Controller.adapt(state);
            return false;
        }
        state.countLambda1Skip();
        return true;
    }

    /** The coherence trend input: the last ten values, or nothing while fewer than two exist. */
    private static List<Double> recentCoherence(GovernanceState state) {
        DoubleHistory series = state.coherenceSeries();
        return series.size() >= 2 ? series.last(TREND_WINDOW) : List.of();
    }

    /** Records the blended score as computed and returns it clipped into [0,1]. */
    private static double recordAttention(GovernanceState state, double blended) {
        state.recordAttention(blended);
        return Bounds.clip(blended, 0.0, 1.0);
    }

    private static UpdateMetrics metrics(GovernanceState state, double confidence, double attention, double phi,
                                         String verdict, boolean lambda1Skipped, Thresholds thresholds) {
        String health = HealthStatus.status(attention, state.voidActive(), thresholds);
        return new UpdateMetrics(state.e(), state.i(), state.s(), state.v(), state.coherence(), state.lambda1(),
                attention, phi, verdict, state.voidActive(), state.time(), state.updateCount(), confidence,
                lambda1Skipped, state.lambda1UpdateSkips(), health, HealthStatus.message(health, attention));
    }

    private static void requireUnitInterval(String name, double value) {
        if (!(value >= 0.0 && value <= 1.0)) {
            throw new IllegalArgumentException(name + " must be within [0, 1]");
        }
    }
}
