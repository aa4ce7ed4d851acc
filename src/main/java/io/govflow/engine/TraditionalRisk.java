package io.govflow.engine;

import java.util.List;

/**
 * The text-and-state part of the attention score: length (15 %), complexity (35 %), coherence loss (35 %)
 * and blocklisted phrases (15 %).
 *
 * @param value           the risk in [0,1]
 * @param finalComplexity the complexity that went into it
 */
record TraditionalRisk(double value, double finalComplexity) {

    private static final double LENGTH_WEIGHT = 0.15;
    private static final double COMPLEXITY_WEIGHT = 0.35;
    private static final double COHERENCE_WEIGHT = 0.35;
    private static final double KEYWORD_WEIGHT = 0.15;
    private static final double HITS_FOR_FULL_SCORE = 3.0;

    static TraditionalRisk assess(TextFeatures text, double reportedComplexity, double coherence,
                                  List<Double> recentCoherence) {
        double derived = ComplexityEstimator.derive(text, reportedComplexity, recentCoherence);
        double finalComplexity = ComplexityEstimator.reconcile(reportedComplexity, derived);
        double keywordRisk = Math.min(text.blocklistHits() / HITS_FOR_FULL_SCORE, 1.0);
        double total = LENGTH_WEIGHT * lengthRisk(text)
                + COMPLEXITY_WEIGHT * Bounds.clip(finalComplexity, 0.0, 1.0)
                + COHERENCE_WEIGHT * (1.0 - Bounds.clip(coherence, 0.0, 1.0))
                + KEYWORD_WEIGHT * keywordRisk;
        return new TraditionalRisk(Bounds.clip(total, 0.0, 1.0), finalComplexity);
    }

    private static double lengthRisk(TextFeatures text) {
        int length = text.length();
        if (text.looksLikeCode()) {
            if (length < 100) {
                return 0.3;
            }
            return length > 10000 ? 0.4 : 0.1;
        }
        if (length < 200) {
            return 0.2;
        }
        return length > 5000 ? 0.3 : 0.1;
    }
}
