package io.govflow.engine;

/**
 * Sums in the same order as the reference's array library (pairwise, eight running partial sums per block),
 * so that means and standard deviations agree bit for bit and threshold comparisons flip at the same values.
 */
final class ReferenceSum {

    private static final int LANES = 8;
    private static final int BLOCK = 128;

    private ReferenceSum() {
    }

    static double sum(double[] values) {
        return sum(values, 0, values.length);
    }

    static double mean(double[] values) {
        return sum(values) / values.length;
    }

    /** Population standard deviation. */
    static double standardDeviation(double[] values) {
        double mean = mean(values);
        double[] squaredDeviations = new double[values.length];
        for (int index = 0; index < values.length; index++) {
            double deviation = values[index] - mean;
            squaredDeviations[index] = deviation * deviation;
        }
        return Math.sqrt(mean(squaredDeviations));
    }

    private static double sum(double[] values, int from, int count) {
        if (count < LANES) {
            double total = 0.0;
            for (int index = 0; index < count; index++) {
                total += values[from + index];
            }
            return total;
        }
        if (count <= BLOCK) {
            return blockSum(values, from, count);
        }
        int half = count / 2;
        half -= half % LANES;
        return sum(values, from, half) + sum(values, from + half, count - half);
    }

    private static double blockSum(double[] values, int from, int count) {
        double[] lanes = new double[LANES];
        System.arraycopy(values, from, lanes, 0, LANES);
        int index = LANES;
        for (; index < count - count % LANES; index += LANES) {
            for (int lane = 0; lane < LANES; lane++) {
                lanes[lane] += values[from + index + lane];
            }
        }
        double total = ((lanes[0] + lanes[1]) + (lanes[2] + lanes[3])) + ((lanes[4] + lanes[5]) + (lanes[6] + lanes[7]));
        for (; index < count; index++) {
            total += values[from + index];
        }
        return total;
    }
}
