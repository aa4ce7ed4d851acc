package io.govflow.engine;

import java.util.List;

/**
 * Complexity derived from behaviour rather than taken on trust: a weighted mean of content (40 %), coherence
 * trend (30 %), length (20 %) and the reported value (10 %), the last raised when it understates the others.
 */
final class ComplexityEstimator {

    private static final double CONTENT_WEIGHT = 0.40;
    private static final double TREND_WEIGHT = 0.30;
    private static final double LENGTH_WEIGHT = 0.20;
    private static final double REPORTED_WEIGHT = 0.10;
    private static final double NEUTRAL = 0.5;
    private static final double MAX_DISCREPANCY = 0.3;

    private ComplexityEstimator() {
    }

    /**
     * @param recentCoherence the last (up to ten) coherence values, newest last; the trend needs at least two
     */
    static double derive(TextFeatures text, double reported, List<Double> recentCoherence) {
        double content = contentSignal(text);
        double trend = trendSignal(recentCoherence);
        double length = lengthSignal(text);
        double partial = CONTENT_WEIGHT * content + TREND_WEIGHT * trend + LENGTH_WEIGHT * length;
        double partialMean = partial / (CONTENT_WEIGHT + TREND_WEIGHT + LENGTH_WEIGHT);
        double checkedReport = Bounds.clip(reported, 0.0, 1.0);
        if (Math.abs(checkedReport - partialMean) > MAX_DISCREPANCY) {
            checkedReport = Math.max(checkedReport, partialMean);
        }
        double total = partial + REPORTED_WEIGHT * checkedReport;
        double derived = total / (CONTENT_WEIGHT + TREND_WEIGHT + LENGTH_WEIGHT + REPORTED_WEIGHT);
        return Bounds.clip(derived, 0.0, 1.0);
    }

    /** The complexity the risk uses: the derived value, or the higher of both when they disagree by more than 0.3. */
    static double reconcile(double reported, double derived) {
        return Math.abs(reported - derived) > MAX_DISCREPANCY ? Math.max(reported, derived) : derived;
    }

    private static double contentSignal(TextFeatures text) {
        double signal = 0.3;
        if (text.containsCode()) {
            signal += 0.30 + Math.min(0.15, (text.fenceCount() - 1) * 0.05);
        }
        if (text.mentionsTools()) {
            signal += 0.20;
        }
        if (text.mentionsTechnicalTerm()) {
            signal += 0.20;
        }
        if (text.referencesManyFiles()) {
            signal += 0.15;
        }
        return Math.min(signal, 1.0);
    }

    private static double trendSignal(List<Double> recentCoherence) {
        int size = recentCoherence.size();
        if (size < 2) {
            return NEUTRAL;
        }
        double previous = Bounds.clip(recentCoherence.get(size - 2), 0.0, 1.0);
        double latest = Bounds.clip(recentCoherence.get(size - 1), 0.0, 1.0);
        return Math.min(Math.max(0, previous - latest) * 2.0, 1.0);
    }

    private static double lengthSignal(TextFeatures text) {
        int length = text.length();
        double relative = text.containsCode() ? (length - 500) / 4500.0 : (length - 200) / 3300.0;
        return Math.min(Math.max(0, relative), 1.0);
    }
}
