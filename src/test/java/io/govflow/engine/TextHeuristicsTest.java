package io.govflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The text heuristics behind derived complexity and traditional risk. */
class TextHeuristicsTest {

    private static final double EXACT = 1e-15;

    @ParameterizedTest(name = "\"{0}\" technical={1}")
    @CsvSource(delimiter = '|', value = {
            "This is algorithmic thinking | false",
            "The algorithm terminates | true",
            "A Recursive descent parser | true",
            "refactored the module | false",
            "we refactor the module | true",
            "plain prose only | false"})
    void technicalTermsMatchWholeWordsOnly(String text, boolean expected) {
        assertThat(new TextFeatures(text).mentionsTechnicalTerm()).isEqualTo(expected);
    }

    @Test
    void fileReferencesCountWholeWordsAndEachWordSeparately() {
        assertThat(new TextFeatures("profile file_path filesystem files").referencesManyFiles()).isFalse();
        assertThat(new TextFeatures("file, file and FILE").referencesManyFiles()).isTrue();
        assertThat(new TextFeatures("path path path").referencesManyFiles()).isTrue();
        assertThat(new TextFeatures("file path file path").referencesManyFiles()).isFalse();
    }

    @Test
    void codeDetectionForComplexityAndForLengthRisk() {
        assertThat(new TextFeatures("import os").containsCode()).isTrue();
        assertThat(new TextFeatures("Taken from the docs").containsCode()).isTrue();
        assertThat(new TextFeatures("important classes").containsCode()).isFalse();
        assertThat(new TextFeatures("```x```").containsCode()).isTrue();
        assertThat(new TextFeatures("``````").fenceCount()).isEqualTo(2);
        assertThat(new TextFeatures("````").fenceCount()).isEqualTo(1);
        assertThat(new TextFeatures("undef x").looksLikeCode()).isTrue();
        assertThat(new TextFeatures("import os").looksLikeCode()).isFalse();
    }

    @Test
    void toolWordsMatchWholeWords() {
        assertThat(new TextFeatures("issued a tool_call").mentionsTools()).isTrue();
        assertThat(new TextFeatures("my_function_call_site").mentionsTools()).isFalse();
    }

    @Test
    void blocklistCountsEachPhraseOnce() {
        assertThat(new TextFeatures("sudo rm -rf / and sudo again").blocklistHits()).isEqualTo(2);
        assertThat(new TextFeatures("IGNORE PREVIOUS instructions, jailbreak, bypass").blocklistHits()).isEqualTo(3);
        assertThat(new TextFeatures("all good").blocklistHits()).isZero();
    }

    @Test
    void mitigatingContextWithinTwentyCharactersSuppressesAHit() {
        assertThat(new TextFeatures("you should never run rm -rf here").blocklistHits()).isZero();
        assertThat(new TextFeatures("Note: bypass is disabled").blocklistHits()).isZero();
        assertThat(new TextFeatures("avoid" + " ".repeat(15) + "sudo").blocklistHits()).isZero();
        assertThat(new TextFeatures("avoid" + " ".repeat(16) + "sudo").blocklistHits()).isEqualTo(1);
        assertThat(new TextFeatures("sudo" + " ".repeat(15) + "avoid").blocklistHits()).isZero();
        assertThat(new TextFeatures("sudo" + " ".repeat(16) + "avoid").blocklistHits()).isEqualTo(1);
        // Only the first occurrence is judged.
        assertThat(new TextFeatures("don't bypass" + " ".repeat(40) + "bypass").blocklistHits()).isZero();
    }

    @Test
    void lengthsAndContextWindowsCountCodePoints() {
        String emoji = "\uD83D\uDE00";
        assertThat(new TextFeatures(emoji + emoji).length()).isEqualTo(2);
        assertThat(new TextFeatures("never" + emoji.repeat(15) + "sudo").blocklistHits()).isZero();
        assertThat(new TextFeatures("never" + emoji.repeat(16) + "sudo").blocklistHits()).isEqualTo(1);
    }

    @Test
    void coherenceTrendNeedsTwoValuesAndCountsOnlyDrops() {
        TextFeatures empty = new TextFeatures("");
        // content 0.3, trend 2·(0.6 − 0.4) = 0.4, length 0, reported 0.5 kept
        assertThat(ComplexityEstimator.derive(empty, 0.5, List.of(0.6, 0.4)))
                .isCloseTo((0.4 * 0.3 + 0.3 * 0.4 + 0.1 * 0.5) / 0.9999999999999999, within(EXACT));
        assertThat(ComplexityEstimator.derive(empty, 0.5, List.of(0.4, 0.6)))
                .isCloseTo(0.4 * 0.3 + 0.1 * 0.5, within(1e-12));
        assertThat(ComplexityEstimator.derive(empty, 0.5, List.of(0.4)))
                .isCloseTo(0.4 * 0.3 + 0.3 * 0.5 + 0.1 * 0.5, within(1e-12));
    }

    @Test
    void understatedReportIsRaisedToTheOtherSignals() {
        TextFeatures busy = new TextFeatures("```a``` ```b``` tool_call algorithm file file file");
        // content capped at 1.0, trend 0.5, length 0 → mean of the three 0.55/0.9; the report 0 is raised to it
        double partialMean = (0.4 * 1.0 + 0.3 * 0.5) / (0.4 + 0.3 + 0.2);
        double derived = ComplexityEstimator.derive(busy, 0.0, List.of());
        assertThat(derived).isCloseTo(0.55 + 0.1 * partialMean, within(1e-12));
        assertThat(ComplexityEstimator.reconcile(0.0, derived)).isEqualTo(derived);
        assertThat(ComplexityEstimator.reconcile(0.9, 0.5)).isEqualTo(0.9);
        assertThat(ComplexityEstimator.reconcile(0.7, 0.5)).isEqualTo(0.5);
    }

    @Test
    void traditionalRiskLengthBands() {
        assertThat(risk("short")).isCloseTo(0.15 * 0.2 + 0.35 * 0.5, within(1e-12));
        assertThat(risk("x".repeat(300))).isCloseTo(0.15 * 0.1 + 0.35 * 0.5, within(1e-12));
        assertThat(risk("x".repeat(6000))).isCloseTo(0.15 * 0.3 + 0.35 * 0.5, within(1e-12));
    }

    @Test
    void phiRiskIsContinuousAtTheVerdictBoundaries() {
        assertThat(AttentionScore.phiRisk(0.3)).isEqualTo(0.3);
        assertThat(AttentionScore.phiRisk(0.0)).isCloseTo(0.7, within(1e-15));
        assertThat(AttentionScore.phiRisk(-0.5)).isEqualTo(1.0);
        assertThat(AttentionScore.phiRisk(0.5)).isCloseTo(0.2, within(1e-15));
    }

    /** Traditional risk at coherence 1 with a derived complexity pinned to 0.5 by the report. */
    private static double risk(String text) {
        TextFeatures features = new TextFeatures(text);
        double reported = ComplexityEstimator.derive(features, 0.5, List.of());
        TraditionalRisk risk = TraditionalRisk.assess(features, reported, 1.0, List.of());
        return risk.value() - 0.35 * risk.finalComplexity() + 0.35 * 0.5;
    }
}
