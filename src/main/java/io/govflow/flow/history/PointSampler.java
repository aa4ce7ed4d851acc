package io.govflow.flow.history;

import java.util.ArrayList;
import java.util.List;

/**
 * Bounds the points of one series: every point up to {@link #MAX_POINTS}; above that the points are cut into
 * {@link #BUCKETS} buckets of consecutive seqs and each bucket keeps its minimum and its maximum, so every
 * excursion stays visible while the SVG stays small.
 */
final class PointSampler {

    static final int MAX_POINTS = 2000;
    static final int BUCKETS = MAX_POINTS / 2;

    private PointSampler() {
    }

    /** The points to plot, in seq order: all of them, or exactly {@code 2 × BUCKETS}. */
    static List<ChartPoint> sample(List<ChartPoint> points) {
        int n = points.size();
        if (n <= MAX_POINTS) {
            return points;
        }
        List<ChartPoint> kept = new ArrayList<>(2 * BUCKETS);
        for (int bucket = 0; bucket < BUCKETS; bucket++) {
            int from = (int) ((long) bucket * n / BUCKETS);
            int to = (int) ((long) (bucket + 1) * n / BUCKETS);
            addExtremes(points, from, to, kept);
        }
        return kept;
    }

    /**
     * Adds the first minimum and the last maximum of {@code [from, to)} in seq order. A bucket holds more than
     * two points here, and when its first minimum is its last maximum every value is equal, so the two are
     * always distinct points.
     */
    private static void addExtremes(List<ChartPoint> points, int from, int to, List<ChartPoint> kept) {
        int min = from;
        int max = from;
        for (int i = from + 1; i < to; i++) {
            double value = points.get(i).value();
            if (value < points.get(min).value()) {
                min = i;
            }
            if (value >= points.get(max).value()) {
                max = i;
            }
        }
        if (min == max) {
            min = from;
            max = to - 1;
        }
        kept.add(points.get(Math.min(min, max)));
        kept.add(points.get(Math.max(min, max)));
    }

    /** Seqs of pause decisions to mark: each one, or above {@link #MAX_POINTS} updates the first of each bucket. */
    static List<Long> pauses(List<Long> seqs, long firstSeq, long lastSeq, int updates) {
        if (updates <= MAX_POINTS || seqs.isEmpty()) {
            return seqs;
        }
        List<Long> kept = new ArrayList<>();
        long span = lastSeq - firstSeq + 1;
        long previousBucket = -1;
        for (long seq : seqs) {
            long bucket = (seq - firstSeq) * BUCKETS / span;
            if (bucket != previousBucket) {
                kept.add(seq);
                previousBucket = bucket;
            }
        }
        return kept;
    }
}
