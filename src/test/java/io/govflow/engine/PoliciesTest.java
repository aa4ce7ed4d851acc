package io.govflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Decision, status, health, sampling suggestions and labels with the default thresholds. */
class PoliciesTest {

    private static final Thresholds T = Thresholds.DEFAULTS;

    @Test
    void highRiskAlwaysPausesAndIsCriticalFromTheRejectLevel() {
        Decision low = DecisionPolicy.decide(Verdict.HIGH_RISK, 0.10, false, 0.9, T);
        assertThat(low.action()).isEqualTo(Decision.PAUSE);
        assertThat(low.critical()).isFalse();
        assertThat(DecisionPolicy.decide(Verdict.HIGH_RISK, 0.6999, false, 0.9, T).critical()).isFalse();
        assertThat(DecisionPolicy.decide(Verdict.HIGH_RISK, 0.70, false, 0.9, T).critical()).isTrue();
        assertThat(low.reason()).isNotBlank();
        assertThat(low.guidance()).isNotBlank();
    }

    @Test
    void cautionWithLowAttentionProceedsWithoutCheckingVoidOrCoherence() {
        Decision decision = DecisionPolicy.decide(Verdict.CAUTION, 0.30, true, 0.1, T);
        assertThat(decision.action()).isEqualTo(Decision.PROCEED);
        assertThat(decision.verdictContext()).isEqualTo(Decision.AWARE);
        assertThat(decision.guidance()).isNotNull();
        assertThat(decision.critical()).isFalse();
    }

    @Test
    void standardRuleInOrder() {
        assertThat(DecisionPolicy.decide(Verdict.SAFE, 0.1, true, 0.9, T).action()).isEqualTo(Decision.PAUSE);
        assertThat(DecisionPolicy.decide(Verdict.SAFE, 0.1, false, 0.399, T).action()).isEqualTo(Decision.PAUSE);
        Decision calm = DecisionPolicy.decide(Verdict.SAFE, 0.349, false, 0.40, T);
        assertThat(calm.action()).isEqualTo(Decision.PROCEED);
        assertThat(calm.guidance()).isNull();
        Decision watched = DecisionPolicy.decide(Verdict.CAUTION, 0.35, false, 0.5, T);
        assertThat(watched.action()).isEqualTo(Decision.PROCEED);
        assertThat(watched.guidance()).isNotNull();
        assertThat(watched.verdictContext()).isNull();
        assertThat(DecisionPolicy.decide(Verdict.SAFE, 0.5999, false, 0.5, T).action()).isEqualTo(Decision.PROCEED);
        Decision stop = DecisionPolicy.decide(Verdict.CAUTION, 0.60, false, 0.5, T);
        assertThat(stop.action()).isEqualTo(Decision.PAUSE);
        assertThat(stop.critical()).isFalse();
    }

    @Test
    void reasonsAreDeterministicAndShowPercentages() {
        Decision first = DecisionPolicy.decide(Verdict.CAUTION, 0.4376158, false, 0.4985, T);
        Decision second = DecisionPolicy.decide(Verdict.CAUTION, 0.4376158, false, 0.4985, T);
        assertThat(first).isEqualTo(second);
        assertThat(first.reason()).contains("43.76%").contains("35%").contains("60%");
        assertThat(DecisionPolicy.decide(Verdict.CAUTION, 0.3499, false, 0.5, T).reason()).contains("34.99%");
    }

    @Test
    void statusAndHealthCanDisagreeOnLowCoherence() {
        assertThat(StatusPolicy.status(false, 0.38, 0.1, T)).isEqualTo(StatusPolicy.CRITICAL);
        assertThat(HealthStatus.status(0.1, false, T)).isEqualTo(StatusPolicy.HEALTHY);
    }

    @Test
    void statusGrades() {
        assertThat(StatusPolicy.status(true, 0.9, 0.0, T)).isEqualTo(StatusPolicy.CRITICAL);
        assertThat(StatusPolicy.status(false, 0.5, 0.60, T)).isEqualTo(StatusPolicy.CRITICAL);
        assertThat(StatusPolicy.status(false, 0.5, 0.35, T)).isEqualTo(StatusPolicy.MODERATE);
        assertThat(StatusPolicy.status(false, 0.5, 0.3499, T)).isEqualTo(StatusPolicy.HEALTHY);
        assertThat(HealthStatus.status(0.0, true, T)).isEqualTo(StatusPolicy.CRITICAL);
        assertThat(HealthStatus.status(0.60, false, T)).isEqualTo(StatusPolicy.CRITICAL);
    }

    @Test
    void healthMessagesCarryThePercentage() {
        assertThat(HealthStatus.message(StatusPolicy.HEALTHY, 0.2)).contains("20%");
        assertThat(HealthStatus.message(StatusPolicy.MODERATE, 0.4376158)).contains("43.76%");
        assertThat(HealthStatus.message(StatusPolicy.CRITICAL, 0.75)).contains("75%");
        assertThat(HealthStatus.message(StatusPolicy.HEALTHY, 0.2))
                .isNotEqualTo(HealthStatus.message(StatusPolicy.MODERATE, 0.2));
    }

    @Test
    void samplingParamsAcrossTheLambda1Range() {
        SamplingParams low = SamplingParams.of(0.05);
        assertThat(low.temperature()).isCloseTo(0.535, within(1e-12));
        assertThat(low.topP()).isCloseTo(0.855, within(1e-12));
        assertThat(low.maxTokens()).isEqualTo(120);
        SamplingParams high = SamplingParams.of(0.20);
        assertThat(high.temperature()).isCloseTo(0.64, within(1e-12));
        assertThat(high.topP()).isCloseTo(0.87, within(1e-12));
        assertThat(high.maxTokens()).isEqualTo(180);
        assertThat(SamplingParams.of(0.124).maxTokens()).isEqualTo(149);
        SamplingParams clipped = SamplingParams.of(3.0);
        assertThat(clipped.lambda1()).isEqualTo(1.0);
        assertThat(clipped.maxTokens()).isEqualTo(500);
        assertThat(SamplingParams.of(-1.0).lambda1()).isZero();
    }

    @Test
    void samplingNoteNamesTheStyle() {
        assertThat(SamplingParams.of(0.125).note()).contains("balanced").contains("0.59").contains("150");
        assertThat(SamplingParams.of(1.0).note()).contains("more creative");
    }

    @Test
    void labelsInOrderWithGovflowRanges() {
        assertThat(EisvLabels.ALL).containsOnlyKeys("E", "I", "S", "V");
        assertThat(EisvLabels.ALL.keySet()).containsExactly("E", "I", "S", "V");
        assertThat(EisvLabels.ALL.get("E").label()).isEqualTo("Energy");
        assertThat(EisvLabels.ALL.get("I").label()).isEqualTo("Information Integrity");
        assertThat(EisvLabels.ALL.get("S").label()).isEqualTo("Entropy");
        assertThat(EisvLabels.ALL.get("V").label()).isEqualTo("Void Integral");
        assertThat(EisvLabels.ALL.get("S").range()).isEqualTo("[0.0, 1.0]");
        assertThat(EisvLabels.ALL.get("V").range()).isEqualTo("[-2.0, 2.0]");
        assertThat(EisvLabels.ALL.values()).allSatisfy(label -> {
            assertThat(label.description()).isNotBlank();
            assertThat(label.userFriendly()).isNotBlank();
        });
        assertThatThrownBy(() -> EisvLabels.ALL.put("X", EisvLabels.ALL.get("E")))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void verdictBands() {
        assertThat(Verdict.of(0.3)).isEqualTo(Verdict.SAFE);
        assertThat(Verdict.of(0.2999)).isEqualTo(Verdict.CAUTION);
        assertThat(Verdict.of(0.0)).isEqualTo(Verdict.CAUTION);
        assertThat(Verdict.of(-1e-12)).isEqualTo(Verdict.HIGH_RISK);
    }

    @Test
    void thresholdsAreValidated() {
        assertThatThrownBy(() -> new Thresholds(0.6, 0.35, 0.4, 0.15)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Thresholds(0.35, 1.2, 0.4, 0.15)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Thresholds(0.35, 0.6, Double.NaN, 0.15))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Thresholds(0.35, 0.6, 0.4, -0.1)).isInstanceOf(IllegalArgumentException.class);
    }
}
