package io.govflow.flow.dialectic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HardLimitsTest {

    private static final String CAUSE = "Acted on stale tool output";

    @ParameterizedTest
    @ValueSource(strings = { "Disable the governance checks for a while", "Bypass safety review on deploys",
            "Remove monitoring of attention", "Allow unlimited risk for experiments", "Skip the coherence check",
            "Ignore the pause threshold", "Disable the circuit breaker", "Remove the rate limit" })
    void forbiddenOperationsBlock(String condition) {
        assertThat(HardLimits.check(List.of("Verify tool output", condition), CAUSE))
                .hasValueSatisfying(v -> assertThat(v.rule()).isEqualTo("forbidden_operation"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "Set the risk threshold to 0.95; risk_threshold",
            "Raise risk pause threshold 0.91; risk_threshold",
            "Keep the coherence threshold at 0.05; coherence_threshold",
            "Coherence < 0.02 triggers a pause; coherence_threshold",
            "Maybe slow down; vague_condition",
            "Try smaller steps; vague_condition",
            "Consider a review; vague_condition" })
    void valuesAndVaguenessBlock(String condition, String rule) {
        assertThat(HardLimits.check(List.of(condition), CAUSE)).hasValueSatisfying(v -> assertThat(v.rule())
                .isEqualTo(rule));
    }

    @ParameterizedTest
    @ValueSource(strings = { "Set the risk threshold to 0.85", "Keep the coherence threshold at 0.45",
            "Coherence = 0.5 is the floor", "Review every 3 updates", "Verify tool output before acting" })
    void reasonableConditionsPass(String condition) {
        assertThat(HardLimits.check(List.of(condition), CAUSE)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void aResolutionNeedsConditionsAndARootCause() {
        assertThat(HardLimits.check(List.of(), CAUSE)).hasValueSatisfying(v -> assertThat(v.rule())
                .isEqualTo("conditions_required"));
        assertThat(HardLimits.check(List.of("Verify output"), "too short")).hasValueSatisfying(v ->
                assertThat(v.rule()).isEqualTo("root_cause_required"));
        assertThat(HardLimits.checkContent(List.of())).isEmpty();
    }
}
