package io.govflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The worked examples A–D of the reference notes (§1.20), checked against hand-computed values. */
class WorkedExamplesTest {

    private static final String TIMESTAMP = "2025-12-01T10:00:00Z";

    private final GovernanceEngine engine = new GovernanceEngine();

    private UpdateResult update(GovernanceState state, double complexity, double confidence, double[] drift, String text) {
        return engine.process(state, new UpdateInput(complexity, confidence, drift, text), Thresholds.DEFAULTS, TIMESTAMP);
    }

    @Nested
    class ExampleA {

        private final GovernanceState state = GovernanceState.fresh(1000);
        private final UpdateResult result = update(state, 0.5, 1.0, new double[] {0.1, 0, 0}, "");

        @Test
        void dynamicsStepFromTheFreshState() {
            UpdateMetrics m = result.metrics();
            assertThat(m.e()).isCloseTo(0.702, within(1e-12));
            assertThat(m.i()).isCloseTo(0.809, within(1e-12));
            assertThat(m.s()).isCloseTo(0.181625, within(1e-12));
            assertThat(m.v()).isCloseTo(-0.003, within(1e-12));
            assertThat(m.coherence()).isCloseTo(0.4985000045, within(1e-10));
        }

        @Test
        void phiRiskAndAttention() {
            assertThat(result.metrics().phi()).isCloseTo(0.1581875, within(1e-12));
            assertThat(result.metrics().verdict()).isEqualTo(Verdict.CAUTION);
            assertThat(AttentionScore.phiRisk(0.1581875)).isCloseTo(0.4890833, within(1e-7));
            assertThat(result.finalComplexity()).isCloseTo(0.32, within(1e-12));
            // traditional = 0.15·0.2 + 0.35·0.32 + 0.35·(1 − 0.4985) + 0 = 0.317525
            assertThat(result.metrics().attentionScore()).isCloseTo(0.7 * 0.4890833 + 0.3 * 0.317525, within(1e-7));
            assertThat(result.metrics().attentionScore()).isCloseTo(0.4376158, within(1e-7));
        }

        @Test
        void decisionStatusAndSampling() {
            assertThat(result.decision().action()).isEqualTo(Decision.PROCEED);
            assertThat(result.decision().guidance()).isNotNull();
            assertThat(result.status()).isEqualTo(StatusPolicy.MODERATE);
            assertThat(result.metrics().healthStatus()).isEqualTo(StatusPolicy.MODERATE);
            assertThat(result.metrics().healthMessage()).contains("43.76%");
            SamplingParams sampling = result.samplingParams();
            assertThat(sampling.temperature()).isCloseTo(0.5875, within(1e-12));
            assertThat(sampling.topP()).isCloseTo(0.8625, within(1e-12));
            assertThat(sampling.maxTokens()).isEqualTo(150);
            assertThat(sampling.lambda1()).isEqualTo(0.125);
        }

        @Test
        void stateAfterTheUpdateHoldsOneEntryPerHistory() {
            assertThat(state.lambda1History()).containsExactly(0.125);
            assertThat(state.decisionHistory()).containsExactly(Decision.PROCEED);
            assertThat(state.attentionHistory()).containsExactly(0.43761583286083505);
            assertThat(state.timestampHistory()).containsExactly(TIMESTAMP);
            assertThat(List.of(state.eHistory(), state.iHistory(), state.sHistory(), state.vHistory(),
                    state.coherenceHistory())).allSatisfy(history -> assertThat(history).hasSize(1));
            assertThat(state.time()).isCloseTo(0.1, within(1e-15));
            assertThat(state.updateCount()).isEqualTo(1);
            assertThat(state.piIntegral()).isZero();
        }
    }

    @Nested
    class ExampleB {

        private final GovernanceState state = GovernanceState.fresh(1000);

        private UpdateResult repeat() {
            return update(state, 0.5, 1.0, new double[] {0.1, 0, 0}, "");
        }

        @Test
        void tableRowsOfTwelveIdenticalUpdates() {
            UpdateResult[] results = new UpdateResult[13];
            for (int n = 1; n <= 12; n++) {
                results[n] = repeat();
            }
            assertRow(results[1], 0.702, 0.809, 0.181625, -0.003, 0.4985, 0.125, 0.437616, 0.158187);
            assertRow(results[2], 0.704464, 0.818276, 0.164727, -0.00609, 0.496955, 0.125, 0.444756, 0.170961);
            assertRow(results[5], 0.714423, 0.847689, 0.121767, -0.015812, 0.492095, 0.124314, 0.411381, 0.207267);
            assertRow(results[10], 0.73854, 0.9018, 0.070377, -0.033102, 0.483455, 0.123332, 0.359869, 0.26343);
            assertRow(results[11], 0.744367, 0.913386, 0.062453, -0.036676, 0.48167, 0.123332, 0.3499, 0.274312);
            for (int n : new int[] {1, 2, 5, 10}) {
                assertThat(results[n].decision().action()).isEqualTo(Decision.PROCEED);
                assertThat(results[n].status()).isEqualTo(StatusPolicy.MODERATE);
            }
            assertThat(results[11].decision().action()).isEqualTo(Decision.PROCEED);
            assertThat(results[11].decision().verdictContext()).isEqualTo(Decision.AWARE);
            assertThat(results[11].status()).isEqualTo(StatusPolicy.HEALTHY);
        }

        @Test
        void controllerStepAtUpdateFive() {
            for (int n = 1; n <= 4; n++) {
                repeat();
            }
            UpdateResult fifth = repeat();
            // P = 0.5·(0.7·0.02 + 0.3·(0.492095 − 0.55)) = −0.00168575; I = 0.05·0.02 = 0.001
            assertThat(state.piIntegral()).isCloseTo(0.02, within(1e-15));
            assertThat(fifth.metrics().lambda1()).isCloseTo(0.125 - 0.00068575, within(1e-6));
            assertThat(state.eta1()).isCloseTo(0.298171, within(1e-6));
            assertThat(fifth.lambda1Before()).isEqualTo(0.125);
            assertThat(state.lambda1History()).last().isEqualTo(0.125);
            for (int n = 6; n <= 10; n++) {
                repeat();
            }
            assertThat(state.piIntegral()).isCloseTo(0.04, within(1e-15));
        }

        @Test
        void fourHundredCalmUpdatesSaturate() {
            GovernanceState calm = GovernanceState.fresh(1000);
            UpdateResult result = null;
            for (int n = 1; n <= 400; n++) {
                result = update(calm, 0.5, 1.0, new double[] {0, 0, 0}, "");
                if (n == 20) {
                    assertThat(result.metrics().i()).isEqualTo(1.0);
                    assertThat(result.metrics().verdict()).isEqualTo(Verdict.SAFE);
                }
                if (n == 100) {
                    assertThat(result.metrics().lambda1()).isCloseTo(0.20, within(1e-12));
                }
            }
            assertThat(result.metrics().e()).isCloseTo(1.0, within(1e-6));
            assertThat(result.metrics().s()).isZero();
            assertThat(result.metrics().v()).isCloseTo(0.0, within(1e-6));
            assertThat(result.metrics().coherence()).isCloseTo(0.5, within(1e-6));
            assertThat(result.metrics().attentionScore()).isCloseTo(0.254, within(1e-3));
            assertThat(calm.piIntegral()).isCloseTo(1.6, within(1e-9));
        }

        private void assertRow(UpdateResult result, double e, double i, double s, double v, double coherence,
                               double lambda1, double attention, double phi) {
            UpdateMetrics m = result.metrics();
            assertThat(m.e()).isCloseTo(e, within(5e-6));
            assertThat(m.i()).isCloseTo(i, within(5e-6));
            assertThat(m.s()).isCloseTo(s, within(5e-6));
            assertThat(m.v()).isCloseTo(v, within(5e-6));
            assertThat(m.coherence()).isCloseTo(coherence, within(5e-6));
            assertThat(m.lambda1()).isCloseTo(lambda1, within(5e-6));
            assertThat(m.attentionScore()).isCloseTo(attention, within(5e-5));
            assertThat(m.phi()).isCloseTo(phi, within(5e-6));
        }
    }

    @Test
    void exampleC_highDriftPausesCritically() {
        UpdateResult result = update(GovernanceState.fresh(1000), 0.5, 1.0, new double[] {0.8, 0.5, 0.3}, "");
        assertThat(result.metrics().phi()).isCloseTo(-0.332875, within(1e-12));
        assertThat(result.metrics().verdict()).isEqualTo(Verdict.HIGH_RISK);
        assertThat(result.metrics().attentionScore()).isCloseTo(0.7953, within(5e-5));
        assertThat(result.decision().action()).isEqualTo(Decision.PAUSE);
        assertThat(result.decision().critical()).isTrue();
        assertThat(result.status()).isEqualTo(StatusPolicy.CRITICAL);
    }

    @Nested
    class ExampleD {

        /**
         * The notes describe the text without quoting it: "Refactored the export handler.", one fenced python
         * block and a sentence mentioning "function", 105 characters. This text matches that description; the
         * exact wording is irrelevant to the heuristics as long as length, fences and terms are the same.
         */
        static final String TEXT = "Refactored the export handler.\n"
                + "```python\n"
                + "def export(rows):\n"
                + "    return set(rows)\n"
                + "```\n"
                + "The function is pure.";

        private final UpdateResult result = update(GovernanceState.fresh(1000), 0.7, 0.85,
                new double[] {0.1, 0.05, 0.02}, TEXT);

        @Test
        void textMatchesTheDescription() {
            TextFeatures features = new TextFeatures(TEXT);
            assertThat(features.length()).isEqualTo(105);
            assertThat(features.fenceCount()).isEqualTo(2);
            assertThat(features.containsCode()).isTrue();
            assertThat(features.mentionsTechnicalTerm()).isTrue();
        }

        @Test
        void derivedComplexityAndTraditionalRisk() {
            // content 0.3 + 0.35 (one fenced block) + 0.2 ("function") = 0.85; trend 0.5; length 0; reported 0.7
            assertThat(ComplexityEstimator.derive(new TextFeatures(TEXT), 0.7, List.of())).isCloseTo(0.56, within(1e-12));
            assertThat(result.finalComplexity()).isCloseTo(0.56, within(1e-12));
            double traditional = TraditionalRisk.assess(new TextFeatures(TEXT), 0.7, result.metrics().coherence(),
                    List.of()).value();
            assertThat(traditional).isCloseTo(0.3865, within(5e-5));
        }

        @Test
        void attentionPhiDecisionAndStatus() {
            assertThat(result.metrics().attentionScore()).isCloseTo(0.4597, within(5e-5));
            assertThat(result.metrics().phi()).isCloseTo(0.1567, within(5e-5));
            assertThat(result.metrics().verdict()).isEqualTo(Verdict.CAUTION);
            assertThat(result.decision().action()).isEqualTo(Decision.PROCEED);
            assertThat(result.status()).isEqualTo(StatusPolicy.MODERATE);
        }
    }
}
