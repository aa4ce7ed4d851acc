package io.govflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Input handling, the metrics snapshot and the significance check. */
class EngineBehaviourTest {

    private final GovernanceEngine engine = new GovernanceEngine();

    private UpdateResult update(GovernanceState state, double[] drift) {
        return engine.process(state, new UpdateInput(0.5, 1.0, drift, ""), Thresholds.DEFAULTS, "2025-12-01T10:00:00Z");
    }

    @Test
    void onlyTheFirstThreeFiniteDriftComponentsCount() {
        UpdateMetrics reference = update(GovernanceState.fresh(10), new double[] {0.1, 0.2, 0.0}).metrics();
        assertThat(update(GovernanceState.fresh(10), new double[] {0.1, 0.2}).metrics()).isEqualTo(reference);
        assertThat(update(GovernanceState.fresh(10), new double[] {0.1, 0.2, 0.0, 9, 9}).metrics()).isEqualTo(reference);
        UpdateMetrics sanitized = update(GovernanceState.fresh(10), new double[] {0.0, 0.2, 0.0}).metrics();
        assertThat(update(GovernanceState.fresh(10), new double[] {Double.NaN, 0.2, Double.POSITIVE_INFINITY}).metrics())
                .isEqualTo(sanitized);
        assertThat(update(GovernanceState.fresh(10), new double[] {}).metrics())
                .isEqualTo(update(GovernanceState.fresh(10), new double[] {0, 0, 0}).metrics());
    }

    @Test
    void rejectsOutOfRangeComplexityAndConfidence() {
        GovernanceState state = GovernanceState.fresh(10);
        assertThatThrownBy(() -> engine.process(state, new UpdateInput(1.5, 1.0, new double[0], ""),
                Thresholds.DEFAULTS, "t")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> engine.process(state, new UpdateInput(0.5, Double.NaN, new double[0], ""),
                Thresholds.DEFAULTS, "t")).isInstanceOf(IllegalArgumentException.class);
        assertThat(state.updateCount()).isZero();
    }

    @Test
    void updateInputCopiesTheDriftArray() {
        double[] drift = {0.1, 0.2, 0.3};
        UpdateInput input = new UpdateInput(0.5, 1.0, drift, "");
        drift[0] = 9;
        input.ethicalDrift()[1] = 9;
        assertThat(input.ethicalDrift()).containsExactly(0.1, 0.2, 0.3);
        assertThat(input).isEqualTo(new UpdateInput(0.5, 1.0, new double[] {0.1, 0.2, 0.3}, ""));
    }

    @Test
    void snapshotOfAFreshState() {
        MetricsSnapshot snapshot = engine.snapshot(GovernanceState.fresh(1000), Thresholds.DEFAULTS);
        assertThat(snapshot.currentRisk()).isNull();
        assertThat(snapshot.meanRisk()).isZero();
        assertThat(snapshot.attentionScore()).isZero();
        assertThat(snapshot.status()).isEqualTo(StatusPolicy.HEALTHY);
        assertThat(snapshot.phi()).isCloseTo(0.15, within(1e-15));
        assertThat(snapshot.verdict()).isEqualTo(Verdict.CAUTION);
        assertThat(snapshot.historySize()).isZero();
        assertThat(snapshot.voidFrequency()).isZero();
        assertThat(snapshot.lambda1()).isEqualTo(0.125);
        assertThat(snapshot.samplingParams()).isEqualTo(SamplingParams.of(0.125));
        assertThat(snapshot.proceedCount() + snapshot.pauseCount()).isZero();
    }

    @Test
    void snapshotAfterUpdatesUsesTheRecentAttention() {
        GovernanceState state = GovernanceState.fresh(1000);
        for (int n = 0; n < 12; n++) {
            update(state, new double[] {0.1, 0, 0});
        }
        List<Double> attention = state.attentionHistory();
        double lastTen = attention.subList(2, 12).stream().mapToDouble(Double::doubleValue).sum() / 10;
        double all = attention.stream().mapToDouble(Double::doubleValue).sum() / 12;
        MetricsSnapshot snapshot = engine.snapshot(state, Thresholds.DEFAULTS);
        assertThat(snapshot.currentRisk()).isCloseTo(lastTen, within(1e-15));
        assertThat(snapshot.meanRisk()).isCloseTo(all, within(1e-15));
        assertThat(snapshot.attentionScore()).isEqualTo(snapshot.currentRisk());
        assertThat(snapshot.status()).isEqualTo(StatusPolicy.MODERATE);
        assertThat(snapshot.historySize()).isEqualTo(12);
        assertThat(snapshot.updateCount()).isEqualTo(12);
        assertThat(snapshot.proceedCount()).isEqualTo(12);
        assertThat(snapshot.lambda1()).isEqualTo(state.lambda1());
    }

    @Test
    void snapshotStatusFallsBackToCoherenceWithoutAttention() {
        assertThat(statusWithV(0.1)).isEqualTo(StatusPolicy.HEALTHY);
        assertThat(statusWithV(0.0)).isEqualTo(StatusPolicy.MODERATE);
        assertThat(statusWithV(-0.1)).isEqualTo(StatusPolicy.CRITICAL);
    }

    @Test
    void snapshotCountsLegacyDecisionLabels() {
        GovernanceState state = GovernanceState.builder(1000)
                .decisionHistory(List.of("approve", "reject", "revise", "pause", "proceed", "reflect")).build();
        MetricsSnapshot snapshot = engine.snapshot(state, Thresholds.DEFAULTS);
        assertThat(snapshot.proceedCount()).isEqualTo(4);
        assertThat(snapshot.pauseCount()).isEqualTo(2);
    }

    @Test
    void snapshotVoidFrequencyUsesTheInitialVoidThreshold() {
        GovernanceState state = GovernanceState.builder(1000).vHistory(List.of(0.0, 0.12, -0.2, 0.05)).build();
        assertThat(engine.snapshot(state, Thresholds.DEFAULTS).voidFrequency()).isEqualTo(0.25);
        assertThat(engine.snapshot(state, new Thresholds(0.35, 0.6, 0.4, 0.1)).voidFrequency()).isEqualTo(0.5);
    }

    @Test
    void aCalmFirstUpdateIsNotSignificant() {
        GovernanceState state = GovernanceState.fresh(1000);
        UpdateResult result = update(state, new double[] {0.1, 0, 0});
        assertThat(Significance.reasons(state, result)).isEmpty();
    }

    @Test
    void significanceReasons() {
        GovernanceState state = GovernanceState.builder(1000)
                .attentionHistory(Collections.nCopies(9, 0.2))
                .coherenceHistory(Collections.nCopies(9, 0.9))
                .build();
        UpdateResult result = update(state, new double[] {0.8, 0.5, 0.3});
        assertThat(Significance.reasons(state, result)).containsExactly(
                Significance.ATTENTION_SPIKE, Significance.COHERENCE_DROP, Significance.PAUSE_DECISION);

        GovernanceState drifting = GovernanceState.builder(1000).e(0.9).i(0.5).v(0.5).build();
        UpdateResult voidResult = update(drifting, new double[] {0, 0, 0});
        assertThat(Significance.reasons(drifting, voidResult)).contains(Significance.VOID_MAGNITUDE);
    }

    private String statusWithV(double v) {
        return engine.snapshot(GovernanceState.builder(1000).v(v).build(), Thresholds.DEFAULTS).status();
    }
}
