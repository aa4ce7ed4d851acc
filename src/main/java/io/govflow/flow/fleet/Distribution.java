package io.govflow.flow.fleet;

import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/**
 * Quantiles of one value over the fleet. Quantiles interpolate linearly between the two nearest ranks of the
 * sorted values (position {@code q·(n−1)}, the usual "type 7" definition): p50 of {1, 2, 3, 4} is 2.5. Every
 * number is null when there are no values.
 */
public record Distribution(int agents, @Nullable Double min, @Nullable Double p10, @Nullable Double p25,
        @Nullable Double p50, @Nullable Double p75, @Nullable Double p90, @Nullable Double p99,
        @Nullable Double max) {

    static final Distribution EMPTY = new Distribution(0, null, null, null, null, null, null, null, null);

    /** The distribution of {@code values} (not changed; non-finite values are left out). */
    static Distribution of(double[] values) {
        double[] sorted = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
        if (sorted.length == 0) {
            return EMPTY;
        }
        return new Distribution(sorted.length, sorted[0], quantile(sorted, 0.10), quantile(sorted, 0.25),
                quantile(sorted, 0.50), quantile(sorted, 0.75), quantile(sorted, 0.90), quantile(sorted, 0.99),
                sorted[sorted.length - 1]);
    }

    /** The {@code q}-quantile (0..1) of sorted, non-empty values. */
    static double quantile(double[] sorted, double q) {
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(sorted.length - 1, below + 1);
        double fraction = position - below;
        return sorted[below] + fraction * (sorted[above] - sorted[below]);
    }
}
