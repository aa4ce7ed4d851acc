package io.govflow.engine;

/** The void check |V| > threshold, with a threshold that adapts to the recent |V| values. */
final class VoidDetector {

    static final int MIN_ADAPTIVE_HISTORY = 10;
    private static final int ADAPTIVE_WINDOW = 100;
    private static final double SIGMA = 2.0;
    private static final double THRESHOLD_MIN = 0.10;
    private static final double THRESHOLD_MAX = 0.30;

    private VoidDetector() {
    }

    /** Whether the newest V (already in the history) is a void. */
    static boolean isVoid(DoubleHistory vHistory, double v, Thresholds thresholds) {
        return Math.abs(v) > threshold(recentMagnitudes(vHistory), thresholds.voidThresholdInitial());
    }

    /**
     * Share of the last (up to) 100 V values whose magnitude exceeds the adaptive threshold of that same window;
     * 0 while fewer than ten values exist.
     */
    static double recentVoidFrequency(DoubleHistory vHistory) {
        if (vHistory.size() < MIN_ADAPTIVE_HISTORY) {
            return 0.0;
        }
        double[] magnitudes = recentMagnitudes(vHistory);
        double threshold = adaptiveThreshold(magnitudes);
        int voids = 0;
        for (double magnitude : magnitudes) {
            if (magnitude > threshold) {
                voids++;
            }
        }
        return (double) voids / magnitudes.length;
    }

    /**
     * Share of all recorded V values whose magnitude exceeds the initial void threshold (not the adaptive one).
     * The reference uses its constant 0.15 here; we use the runtime value, which defaults to the same number.
     */
    static double overallVoidFrequency(DoubleHistory vHistory, Thresholds thresholds) {
        if (vHistory.isEmpty()) {
            return 0.0;
        }
        int voids = 0;
        for (int index = 0; index < vHistory.size(); index++) {
            if (Math.abs(vHistory.get(index)) > thresholds.voidThresholdInitial()) {
                voids++;
            }
        }
        return (double) voids / vHistory.size();
    }

    private static double threshold(double[] magnitudes, double initialThreshold) {
        return magnitudes.length < MIN_ADAPTIVE_HISTORY ? initialThreshold : adaptiveThreshold(magnitudes);
    }

    private static double adaptiveThreshold(double[] magnitudes) {
        double raw = ReferenceSum.mean(magnitudes) + SIGMA * ReferenceSum.standardDeviation(magnitudes);
        return Bounds.clip(raw, THRESHOLD_MIN, THRESHOLD_MAX);
    }

    private static double[] recentMagnitudes(DoubleHistory vHistory) {
        int count = Math.min(ADAPTIVE_WINDOW, vHistory.size());
        double[] magnitudes = new double[count];
        for (int index = 0; index < count; index++) {
            magnitudes[index] = Math.abs(vHistory.fromEnd(count - 1 - index));
        }
        return magnitudes;
    }
}
