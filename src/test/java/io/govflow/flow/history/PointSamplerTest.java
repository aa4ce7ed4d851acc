package io.govflow.flow.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every point up to 2000, exactly the minimum and maximum of each of 1000 buckets above. */
class PointSamplerTest {

    private static final Logger LOG = LoggerFactory.getLogger(PointSamplerTest.class);

    static Stream<Arguments> sizes() {
        long seed = System.nanoTime();
        LOG.info("PointSamplerTest seed {}", seed);
        Random random = new Random(seed);
        return Stream.of(0, 1, 2, 1999, 2000, 2001, 2002, 2999, 4321, 10_000, 2001 + random.nextInt(8000))
                .map(n -> Arguments.of(n, random.nextLong()));
    }

    @ParameterizedTest(name = "{0} points, seed {1}")
    @MethodSource("sizes")
    void keepsEveryPointOrEachBucketsExtremes(int n, long seed) {
        List<ChartPoint> points = randomWalk(n, new Random(seed));

        List<ChartPoint> kept = PointSampler.sample(points);

        if (n <= PointSampler.MAX_POINTS) {
            assertThat(kept).isEqualTo(points);
            return;
        }
        assertThat(kept).hasSize(2 * PointSampler.BUCKETS);
        assertThat(kept).extracting(ChartPoint::seq).isSorted().doesNotHaveDuplicates();
        for (int bucket = 0; bucket < PointSampler.BUCKETS; bucket++) {
            List<ChartPoint> members = points.subList((int) ((long) bucket * n / PointSampler.BUCKETS),
                    (int) ((long) (bucket + 1) * n / PointSampler.BUCKETS));
            List<ChartPoint> pair = kept.subList(2 * bucket, 2 * bucket + 2);
            assertThat(members).as("bucket %d", bucket).containsAll(pair);
            double min = members.stream().mapToDouble(ChartPoint::value).min().orElseThrow();
            double max = members.stream().mapToDouble(ChartPoint::value).max().orElseThrow();
            assertThat(pair).extracting(ChartPoint::value).as("bucket %d", bucket).containsExactlyInAnyOrder(min, max);
        }
        assertThat(kept.get(0).seq()).isGreaterThanOrEqualTo(points.get(0).seq());
    }

    @ParameterizedTest(name = "{0} equal points")
    @MethodSource("sizes")
    void flatBucketsStillGiveTwoDistinctPoints(int n, long ignored) {
        List<ChartPoint> points = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            points.add(new ChartPoint(i, 0.5));
        }
        List<ChartPoint> kept = PointSampler.sample(points);

        assertThat(kept).hasSize(Math.min(n, n <= PointSampler.MAX_POINTS ? n : 2 * PointSampler.BUCKETS))
                .doesNotHaveDuplicates();
    }

    private static List<ChartPoint> randomWalk(int n, Random random) {
        List<ChartPoint> points = new ArrayList<>(n);
        double value = 0.5;
        for (int i = 0; i < n; i++) {
            value += random.nextGaussian() * 0.05;
            points.add(new ChartPoint(1000 + i, value));
        }
        return points;
    }
}
