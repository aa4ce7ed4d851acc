package io.govflow.flow.fleet;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * When an agent's latest value is far from its own recent past: the latest of a window of values is compared with
 * the mean of the values before it (the baseline). It fires when the baseline has at least {@link #MIN_BASELINE}
 * values and the latest is more than {@link #SIGMA} standard deviations from its mean. The standard deviation used
 * is the baseline's population standard deviation, but never less than {@link #STDDEV_FLOOR}: attention and
 * coherence live in [0, 1], and a series that was flat (deviation near 0) would otherwise call a change in the
 * third decimal a many-sigma event. So a flat series fires only for a change of more than 3 × 0.02 = 0.06.
 */
final class DeviationRule {

    static final double SIGMA = 3.0;
    static final int MIN_BASELINE = 10;
    static final double STDDEV_FLOOR = 0.02;

    private DeviationRule() {
    }

    /**
     * @param stddev the baseline's own population standard deviation
     * @param z      {@code (latest − mean) / max(stddev, floor)}
     * @param points the baseline's size
     */
    record Deviation(double latest, double mean, double stddev, double z, int points) {
    }

    /** The deviation of the last value from the ones before it, when the rule fires. */
    static Optional<Deviation> check(double[] window) {
        Deviation d = measure(window);
        return d != null && Math.abs(d.z()) > SIGMA ? Optional.of(d) : Optional.empty();
    }

    /** The numbers of the rule, whether it fires or not; null when the baseline is too short. */
    static @Nullable Deviation measure(double[] window) {
        int points = window.length - 1;
        if (points < MIN_BASELINE) {
            return null;
        }
        double sum = 0;
        for (int k = 0; k < points; k++) {
            sum += window[k];
        }
        double mean = sum / points;
        double squares = 0;
        for (int k = 0; k < points; k++) {
            squares += (window[k] - mean) * (window[k] - mean);
        }
        double stddev = Math.sqrt(squares / points);
        double latest = window[points];
        double z = (latest - mean) / Math.max(stddev, STDDEV_FLOOR);
        return new Deviation(latest, mean, stddev, z, points);
    }
}
