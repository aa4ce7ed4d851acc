package io.govflow.bench;

import java.util.Arrays;
import java.util.List;

/**
 * Latencies in nanoseconds, every one kept (a run records at most a few hundred thousand), so percentiles are exact
 * (nearest rank) rather than bucketed. One instance per thread while recording; {@link #merge} afterwards.
 */
final class Samples {

    private long[] values;
    private int size;
    private boolean sorted = true;

    Samples() {
        this(1024);
    }

    private Samples(int capacity) {
        values = new long[Math.max(16, capacity)];
    }

    void add(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, values.length * 2);
        }
        values[size++] = nanos;
        sorted = false;
    }

    int size() {
        return size;
    }

    static Samples merge(List<Samples> parts) {
        Samples all = new Samples(parts.stream().mapToInt(Samples::size).sum());
        for (Samples part : parts) {
            for (int k = 0; k < part.size; k++) {
                all.add(part.values[k]);
            }
        }
        return all;
    }

    /** Nearest-rank percentile in milliseconds ({@code q} in [0, 1]); NaN when empty. */
    double percentileMillis(double q) {
        if (size == 0) {
            return Double.NaN;
        }
        sort();
        int rank = (int) Math.ceil(q * size);
        return values[Math.min(size - 1, Math.max(0, rank - 1))] / 1e6;
    }

    double maxMillis() {
        return percentileMillis(1.0);
    }

    private void sort() {
        if (!sorted) {
            Arrays.sort(values, 0, size);
            sorted = true;
        }
    }
}
