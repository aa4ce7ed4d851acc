package io.govflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The deliberate deviations from the reference listed in the update-flow spec, one test group each. */
class DeviationTest {

    private static final String TIMESTAMP = "2025-12-01T10:00:00Z";

    private final GovernanceEngine engine = new GovernanceEngine();

    private UpdateResult update(GovernanceState state, double confidence, double[] drift, Thresholds thresholds) {
        return engine.process(state, new UpdateInput(0.5, confidence, drift, ""), thresholds, TIMESTAMP);
    }

    @Nested
    class EntropyIsClippedNotReset {

        @Test
        void hugeDriftKeepsSWithinTheUnitInterval() {
            GovernanceState state = GovernanceState.fresh(1000);
            UpdateResult result = update(state, 1.0, new double[] {5, 5, 5}, Thresholds.DEFAULTS);
            // The step itself gives S = 0.2 + (−0.16 + 0.125·75 − 0.025)·0.1 = 1.119 (the reference would reset to 0.2).
            assertThat(result.rawS()).isCloseTo(1.119, within(1e-12)).isGreaterThan(1.0);
            assertThat(result.metrics().s()).isEqualTo(1.0);
            assertThat(state.s()).isEqualTo(1.0);
            assertThat(state.sHistory()).containsExactly(1.0);
        }

        @Test
        void repeatedHugeDriftNeverLeavesTheUnitInterval() {
            GovernanceState state = GovernanceState.fresh(1000);
            for (int n = 0; n < 50; n++) {
                UpdateResult result = update(state, 1.0, new double[] {5, 5, 5}, Thresholds.DEFAULTS);
                assertThat(result.metrics().s()).isBetween(0.0, 1.0);
                assertThat(result.rawS()).isGreaterThan(1.0);
            }
            assertThat(state.sHistory()).allSatisfy(s -> assertThat(s).isBetween(0.0, 1.0));
        }

        @Test
        void rawSEqualsSWhenNoClipIsNeeded() {
            UpdateResult result = update(GovernanceState.fresh(1000), 1.0, new double[] {0.1, 0, 0}, Thresholds.DEFAULTS);
            assertThat(result.rawS()).isEqualTo(result.metrics().s());
        }
    }

    @Nested
    class Lambda1UpdateSkips {

        @Test
        void zeroInMetricsBeforeTheFirstSkip() {
            UpdateResult result = update(GovernanceState.fresh(1000), 0.5, new double[] {0, 0, 0}, Thresholds.DEFAULTS);
            assertThat(result.metrics().lambda1UpdateSkips()).isZero();
            assertThat(result.metrics().lambda1Skipped()).isFalse();
        }

        @Test
        void countsEveryDueControllerRunBelowTheConfidenceGate() {
            GovernanceState state = GovernanceState.fresh(1000);
            List<Long> skipsAfterEachUpdate = new ArrayList<>();
            List<Boolean> skippedFlags = new ArrayList<>();
            for (int n = 1; n <= 15; n++) {
                UpdateResult result = update(state, 0.79, new double[] {0, 0, 0}, Thresholds.DEFAULTS);
                skipsAfterEachUpdate.add(result.metrics().lambda1UpdateSkips());
                skippedFlags.add(result.metrics().lambda1Skipped());
            }
            assertThat(skipsAfterEachUpdate).containsExactly(0L, 0L, 0L, 0L, 1L, 1L, 1L, 1L, 1L, 2L, 2L, 2L, 2L, 2L, 3L);
            assertThat(skippedFlags).containsExactly(false, false, false, false, true, false, false, false, false,
                    true, false, false, false, false, true);
            assertThat(state.lambda1UpdateSkips()).isEqualTo(3);
            assertThat(state.eta1()).isEqualTo(0.3);
            assertThat(state.piIntegral()).isZero();
        }

        @Test
        void confidenceExactlyAtTheGateRunsTheController() {
            GovernanceState state = GovernanceState.fresh(1000);
            UpdateResult result = null;
            for (int n = 1; n <= 5; n++) {
                result = update(state, 0.8, new double[] {0, 0, 0}, Thresholds.DEFAULTS);
            }
            assertThat(result.metrics().lambda1Skipped()).isFalse();
            assertThat(state.lambda1UpdateSkips()).isZero();
            assertThat(state.piIntegral()).isEqualTo(0.02);
        }

        @Test
        void survivesARestoreAndKeepsCounting() {
            GovernanceState restored = GovernanceState.builder(1000).updateCount(9).lambda1UpdateSkips(7).build();
            UpdateResult result = update(restored, 0.1, new double[] {0, 0, 0}, Thresholds.DEFAULTS);
            assertThat(result.metrics().updates()).isEqualTo(10);
            assertThat(result.metrics().lambda1UpdateSkips()).isEqualTo(8);
        }
    }

    @Nested
    class RuntimeThresholdsApplyEverywhere {

        @Test
        void cautionBranchUsesTheApproveOverride() {
            assertThat(DecisionPolicy.decide(Verdict.CAUTION, 0.40, false, 0.5, Thresholds.DEFAULTS).verdictContext())
                    .isNull();
            Decision raised = DecisionPolicy.decide(Verdict.CAUTION, 0.40, false, 0.5, new Thresholds(0.45, 0.60, 0.40, 0.15));
            assertThat(raised.action()).isEqualTo(Decision.PROCEED);
            assertThat(raised.verdictContext()).isEqualTo(Decision.AWARE);
            Decision lowered = DecisionPolicy.decide(Verdict.CAUTION, 0.30, false, 0.5, new Thresholds(0.25, 0.60, 0.40, 0.15));
            assertThat(lowered.verdictContext()).isNull();
            assertThat(lowered.guidance()).isNotNull();
        }

        @Test
        void standardRuleUsesCoherenceApproveAndReviseOverrides() {
            Thresholds strict = new Thresholds(0.20, 0.30, 0.50, 0.15);
            assertThat(DecisionPolicy.decide(Verdict.SAFE, 0.1, false, 0.45, Thresholds.DEFAULTS).action())
                    .isEqualTo(Decision.PROCEED);
            assertThat(DecisionPolicy.decide(Verdict.SAFE, 0.1, false, 0.45, strict).action()).isEqualTo(Decision.PAUSE);
            assertThat(DecisionPolicy.decide(Verdict.SAFE, 0.25, false, 0.6, strict).guidance()).isNotNull();
            assertThat(DecisionPolicy.decide(Verdict.SAFE, 0.25, false, 0.6, Thresholds.DEFAULTS).guidance()).isNull();
            assertThat(DecisionPolicy.decide(Verdict.SAFE, 0.35, false, 0.6, strict).action()).isEqualTo(Decision.PAUSE);
        }

        @Test
        void topLevelStatusUsesTheOverrides() {
            Thresholds shifted = new Thresholds(0.20, 0.30, 0.50, 0.15);
            assertThat(StatusPolicy.status(false, 0.45, 0.1, Thresholds.DEFAULTS)).isEqualTo(StatusPolicy.HEALTHY);
            assertThat(StatusPolicy.status(false, 0.45, 0.1, shifted)).isEqualTo(StatusPolicy.CRITICAL);
            assertThat(StatusPolicy.status(false, 0.6, 0.25, Thresholds.DEFAULTS)).isEqualTo(StatusPolicy.HEALTHY);
            assertThat(StatusPolicy.status(false, 0.6, 0.25, shifted)).isEqualTo(StatusPolicy.MODERATE);
            assertThat(StatusPolicy.status(false, 0.6, 0.40, Thresholds.DEFAULTS)).isEqualTo(StatusPolicy.MODERATE);
            assertThat(StatusPolicy.status(false, 0.6, 0.40, shifted)).isEqualTo(StatusPolicy.CRITICAL);
        }

        @Test
        void healthStatusUsesTheOverrides() {
            Thresholds shifted = new Thresholds(0.20, 0.30, 0.40, 0.15);
            assertThat(HealthStatus.status(0.25, false, Thresholds.DEFAULTS)).isEqualTo(StatusPolicy.HEALTHY);
            assertThat(HealthStatus.status(0.25, false, shifted)).isEqualTo(StatusPolicy.MODERATE);
            assertThat(HealthStatus.status(0.40, false, Thresholds.DEFAULTS)).isEqualTo(StatusPolicy.MODERATE);
            assertThat(HealthStatus.status(0.40, false, shifted)).isEqualTo(StatusPolicy.CRITICAL);
        }

        @Test
        void earlyVoidCheckUsesTheInitialVoidOverride() {
            // After one step from V = 0.12 (E − I = 0): V = 0.12 − 0.4·0.12·0.1 = 0.1152, with fewer than ten V values.
            GovernanceState defaults = GovernanceState.builder(1000).e(0.8).i(0.8).v(0.12).build();
            GovernanceState lowered = defaults.copy();
            assertThat(update(defaults, 1.0, new double[] {0, 0, 0}, Thresholds.DEFAULTS).metrics().voidActive()).isFalse();
            UpdateResult result = update(lowered, 1.0, new double[] {0, 0, 0}, new Thresholds(0.35, 0.60, 0.40, 0.10));
            assertThat(result.metrics().v()).isCloseTo(0.1152, within(1e-12));
            assertThat(result.metrics().voidActive()).isTrue();
            assertThat(result.decision().action()).isEqualTo(Decision.PAUSE);
            assertThat(result.status()).isEqualTo(StatusPolicy.CRITICAL);
            assertThat(result.metrics().healthStatus()).isEqualTo(StatusPolicy.CRITICAL);
        }

        @Test
        void defaultsEqualTheReferenceConstants() {
            assertThat(Thresholds.DEFAULTS).isEqualTo(new Thresholds(0.35, 0.60, 0.40, 0.15));
            assertThat(DecisionPolicy.RISK_REJECT).isEqualTo(0.70);
        }
    }

    @Nested
    class StateHandling {

        @Test
        void copyIsIndependent() {
            GovernanceState original = GovernanceState.fresh(1000);
            update(original, 1.0, new double[] {0.1, 0, 0}, Thresholds.DEFAULTS);
            GovernanceState copy = original.copy();
            for (int n = 0; n < 5; n++) {
                update(copy, 0.5, new double[] {0.3, 0, 0}, Thresholds.DEFAULTS);
            }
            assertThat(original.updateCount()).isEqualTo(1);
            assertThat(original.eHistory()).hasSize(1);
            assertThat(original.decisionHistory()).hasSize(1);
            assertThat(original.lambda1UpdateSkips()).isZero();
            assertThat(copy.updateCount()).isEqualTo(6);
            assertThat(copy.lambda1UpdateSkips()).isEqualTo(1);
            assertThat(copy.eHistory()).hasSize(6).startsWith(original.eHistory().get(0));
        }

        @Test
        void historiesKeepTheLastWindowEntries() {
            int window = 7;
            GovernanceState state = GovernanceState.fresh(window);
            for (int n = 1; n <= 20; n++) {
                engine.process(state, new UpdateInput(0.5, 1.0, new double[] {0.05, 0, 0}, ""), Thresholds.DEFAULTS, "t" + n);
            }
            assertThat(List.of(state.eHistory(), state.iHistory(), state.sHistory(), state.vHistory(),
                    state.coherenceHistory(), state.attentionHistory(), state.lambda1History()))
                    .allSatisfy(history -> assertThat(history).hasSize(window));
            assertThat(state.decisionHistory()).hasSize(window);
            assertThat(state.timestampHistory()).containsExactly("t14", "t15", "t16", "t17", "t18", "t19", "t20");
            assertThat(state.eHistory()).last().isEqualTo(state.e());
            assertThat(state.updateCount()).isEqualTo(20);
        }

        @Test
        void builderTrimsLongHistoriesToTheWindow() {
            List<Double> values = new ArrayList<>();
            List<String> stamps = new ArrayList<>();
            for (int n = 0; n < 12; n++) {
                values.add((double) n);
                stamps.add("t" + n);
            }
            GovernanceState state = GovernanceState.builder(5).vHistory(values).attentionHistory(values)
                    .timestampHistory(stamps).decisionHistory(Collections.nCopies(12, Decision.PROCEED)).build();
            assertThat(state.vHistory()).containsExactly(7.0, 8.0, 9.0, 10.0, 11.0);
            assertThat(state.attentionHistory()).containsExactly(7.0, 8.0, 9.0, 10.0, 11.0);
            assertThat(state.timestampHistory()).containsExactly("t7", "t8", "t9", "t10", "t11");
            assertThat(state.decisionHistory()).hasSize(5);
            assertThat(state.eHistory()).isEmpty();
        }

        @Test
        void builderRecomputesCoherenceFromV() {
            GovernanceState state = GovernanceState.builder(1000).v(0.32).coherence(1.0).build();
            assertThat(state.coherence()).isCloseTo(0.5 * (1 + Math.tanh(0.32)), within(1e-15));
            assertThat(GovernanceState.builder(1000).build().coherence()).isEqualTo(0.5);
            assertThat(GovernanceState.fresh(1000).coherence()).isEqualTo(1.0);
        }

        @Test
        void lambda1AlwaysFollowsEta1() {
            assertThat(GovernanceState.builder(1000).eta1(0.1).lambda1(0.09).build().lambda1()).isEqualTo(0.05);
            assertThat(GovernanceState.builder(1000).eta1(0.3).build().lambda1()).isEqualTo(0.125);
            assertThat(GovernanceState.builder(1000).eta1(0.5).build().lambda1()).isCloseTo(0.20, within(1e-15));
        }

        @Test
        void returnedHistoriesAreSnapshots() {
            GovernanceState state = GovernanceState.fresh(1000);
            update(state, 1.0, new double[] {0, 0, 0}, Thresholds.DEFAULTS);
            List<Double> before = state.eHistory();
            update(state, 1.0, new double[] {0, 0, 0}, Thresholds.DEFAULTS);
            assertThat(before).hasSize(1);
            assertThat(state.eHistory()).hasSize(2);
        }
    }
}
