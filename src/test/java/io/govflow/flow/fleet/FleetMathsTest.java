package io.govflow.flow.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

import io.govflow.store.agent.UpdateLogEntry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The fleet index's maths: quantiles, the deviation and decision-pattern rules, minute buckets, window bounds. */
class FleetMathsTest {

    private static final Logger LOG = LoggerFactory.getLogger(FleetMathsTest.class);
    private static final Instant NOON = Instant.parse("2026-12-07T12:00:30Z");

    @Test
    void quantilesInterpolateBetweenTheNearestRanks() {
        Distribution d = Distribution.of(new double[] { 4, 1, 3, 2 });
        assertThat(d.agents()).isEqualTo(4);
        assertThat(d.min()).isEqualTo(1.0);
        assertThat(d.max()).isEqualTo(4.0);
        assertThat(d.p50()).isEqualTo(2.5);
        assertThat(d.p25()).isCloseTo(1.75, within(1e-12));
        assertThat(d.p10()).isCloseTo(1.3, within(1e-12));
        assertThat(d.p99()).isCloseTo(3.97, within(1e-12));
    }

    @Test
    void anEmptyFleetHasNullNumbersAndNonFiniteValuesAreLeftOut() {
        assertThat(Distribution.of(new double[0])).isEqualTo(Distribution.EMPTY);
        assertThat(Distribution.EMPTY.p50()).isNull();
        Distribution one = Distribution.of(new double[] { Double.NaN, 0.25 });
        assertThat(one.agents()).isEqualTo(1);
        assertThat(List.of(one.min(), one.p10(), one.p50(), one.p99(), one.max())).containsOnly(0.25);
    }

    static LongStream seeds() {
        long seed = System.nanoTime();
        LOG.info("quantile seeds start at {}", seed);
        return LongStream.range(seed, seed + 5);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void quantilesAreOrderedAndWithinTheValues(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = random.doubles(1 + random.nextInt(500)).toArray();
        Distribution d = Distribution.of(values);
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        assertThat(List.of(d.min(), d.p10(), d.p25(), d.p50(), d.p75(), d.p90(), d.p99(), d.max()))
                .as("seed %d", seed).isSorted();
        assertThat(d.min()).isEqualTo(sorted[0]);
        assertThat(d.max()).isEqualTo(sorted[sorted.length - 1]);
        long atOrBelowMedian = Arrays.stream(values).filter(v -> v <= d.p50()).count();
        assertThat(atOrBelowMedian).as("seed %d", seed).isGreaterThanOrEqualTo((values.length + 1) / 2);
    }

    @Test
    void aDeviationIsMeasuredAgainstThePreviousValuesOnly() {
        double[] window = new double[21];
        for (int k = 0; k < 20; k++) {
            window[k] = k % 2 == 0 ? 0.2 : 0.4; // mean 0.3, standard deviation 0.1
        }
        window[20] = 0.75;
        DeviationRule.Deviation d = DeviationRule.check(window).orElseThrow();
        assertThat(d.mean()).isCloseTo(0.3, within(1e-12));
        assertThat(d.stddev()).isCloseTo(0.1, within(1e-12));
        assertThat(d.z()).isCloseTo(4.5, within(1e-9));
        assertThat(d.points()).isEqualTo(20);
        window[20] = 0.59; // 2.9 sigma
        assertThat(DeviationRule.check(window)).isEmpty();
        window[20] = 0.01; // 2.9 sigma below
        assertThat(DeviationRule.measure(window).z()).isCloseTo(-2.9, within(1e-9));
        assertThat(DeviationRule.check(window)).isEmpty();
        window[20] = -0.02;
        assertThat(DeviationRule.check(window)).hasValueSatisfying(low -> assertThat(low.z()).isNegative());
    }

    @Test
    void aFlatSeriesNeedsAChangeAboveTheFloorAndAShortOneNeverFires() {
        double[] flat = new double[30];
        Arrays.fill(flat, 0.5);
        flat[29] = 0.5 + 1e-6;
        assertThat(DeviationRule.check(flat)).as("a change in the sixth decimal").isEmpty();
        flat[29] = 0.555;
        assertThat(DeviationRule.check(flat)).as("below 3 × the 0.02 floor, 0.06").isEmpty();
        flat[29] = 0.57;
        assertThat(DeviationRule.check(flat)).hasValueSatisfying(d -> {
            assertThat(d.stddev()).isZero();
            assertThat(d.z()).isCloseTo(3.5, within(1e-9));
        });
        double[] shortOne = new double[DeviationRule.MIN_BASELINE];
        shortOne[shortOne.length - 1] = 1.0;
        assertThat(DeviationRule.measure(shortOne)).as("9 values before the latest").isNull();
    }

    @Test
    void aDecisionPatternFiresWhenThePauseShareMovesByHalf() {
        boolean[] window = new boolean[50];
        for (int k = 45; k < 50; k++) {
            window[k] = true;
        }
        DecisionPatternRule.PatternChange change = DecisionPatternRule.check(window).orElseThrow();
        assertThat(change.recentPauseShare()).isEqualTo(0.5);
        assertThat(change.earlierPauseShare()).isZero();
        assertThat(change.recent()).isEqualTo(10);
        assertThat(change.earlier()).isEqualTo(40);
        window[45] = false; // 0.4: not enough
        assertThat(DecisionPatternRule.check(window)).isEmpty();

        boolean[] calmedDown = new boolean[50];
        Arrays.fill(calmedDown, 0, 40, true);
        assertThat(DecisionPatternRule.check(calmedDown)).hasValueSatisfying(
                c -> assertThat(c.change()).isEqualTo(-1.0));
    }

    @Test
    void aDecisionPatternNeedsTwentyEarlierDecisionsAndLooksAtFortyAtMost() {
        boolean[] tooShort = new boolean[29];
        Arrays.fill(tooShort, 19, 29, true);
        assertThat(DecisionPatternRule.check(tooShort)).isEmpty();
        boolean[] justEnough = new boolean[30];
        Arrays.fill(justEnough, 20, 30, true);
        assertThat(DecisionPatternRule.check(justEnough)).hasValueSatisfying(
                c -> assertThat(c.earlier()).isEqualTo(20));
        boolean[] long100 = new boolean[100];
        Arrays.fill(long100, 0, 50, true); // pauses long ago, outside the 40 before the last 10
        Arrays.fill(long100, 90, 100, true);
        assertThat(DecisionPatternRule.check(long100)).hasValueSatisfying(
                c -> assertThat(c.earlierPauseShare()).isZero());
    }

    @Test
    void minuteBucketsCountTheLastHourOldestFirst() {
        MinuteBuckets buckets = new MinuteBuckets();
        buckets.record(NOON, NOON);
        buckets.record(NOON.minusSeconds(20), NOON);
        buckets.record(NOON.minusSeconds(60), NOON);
        buckets.record(NOON.minusSeconds(59 * 60), NOON);
        buckets.record(NOON.minusSeconds(60 * 60), NOON); // the minute an hour ago is outside the hour
        buckets.record(NOON.plusSeconds(3600), NOON); // a clock ahead counts in the current minute
        List<MinuteCount> hour = buckets.lastHour(NOON);
        assertThat(hour).hasSize(60);
        assertThat(hour.get(59)).isEqualTo(new MinuteCount(Instant.parse("2026-12-07T12:00:00Z"), 3));
        assertThat(hour.get(58).updates()).isEqualTo(1);
        assertThat(hour.get(0)).isEqualTo(new MinuteCount(Instant.parse("2026-12-07T11:01:00Z"), 1));
        assertThat(hour.stream().mapToLong(MinuteCount::updates).sum()).isEqualTo(5);
    }

    @Test
    void oldMinutesAreOverwrittenNotAddedTo() {
        MinuteBuckets buckets = new MinuteBuckets();
        buckets.record(NOON, NOON);
        Instant later = NOON.plusSeconds(3600);
        buckets.record(later, later);
        List<MinuteCount> hour = buckets.lastHour(later);
        assertThat(hour.get(59).updates()).isEqualTo(1);
        assertThat(hour.stream().mapToLong(MinuteCount::updates).sum()).isEqualTo(1);
        assertThat(buckets.lastHour(later.plusSeconds(7200)).stream().mapToLong(MinuteCount::updates).sum())
                .isZero();
    }

    @Test
    void aSeriesKeepsTheLastWindowInOrderAndIgnoresLinesItHasSeen() {
        AgentSeries series = new AgentSeries(20);
        for (long seq = 1; seq <= 45; seq++) {
            assertThat(series.add(line(seq, seq == 45 ? 0.95 : 0.3, false), NOON)).isTrue();
        }
        assertThat(series.add(line(45, 0.1, false), NOON)).as("same seq again").isFalse();
        assertThat(series.add(line(30, 0.1, false), NOON)).as("an older line").isFalse();
        assertThat(series.seq()).isEqualTo(45);
        assertThat(series.latest().attention()).isEqualTo(0.95);
        List<Anomaly> anomalies = series.anomalies("ring_agent");
        assertThat(anomalies).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(Anomaly.ATTENTION_DEVIATION);
            assertThat(a.seq()).isEqualTo(45);
            assertThat(a.mean()).isCloseTo(0.3, within(1e-12));
        });
        // 19 values before the latest: the window bounds the baseline
        assertThat(anomalies.get(0).summary()).contains("previous 19 updates");
        assertThat(series.add(line(46, 0.3, false), NOON)).isTrue();
        assertThat(series.anomalies("ring_agent")).as("recomputed after a new line").isEmpty();
    }

    @Test
    void aSeriesKnowsWhetherTheLogMovedOn() {
        AgentSeries series = new AgentSeries(20);
        series.readUpTo(100, "inode-1");
        assertThat(series.upToDate(100, "inode-1")).isTrue();
        assertThat(series.upToDate(180, "inode-1")).isFalse();
        assertThat(series.upToDate(100, "inode-2")).isFalse();
    }

    private static UpdateLogEntry line(long seq, double attention, boolean pause) {
        return new UpdateLogEntry(seq, "2026-12-07T12:00:00.000000", 0.7, 0.8, 0.2, 0.0, 0.8, attention,
                pause ? "pause" : "proceed", 0.125, 0.125, 0.1, "safe", false, "healthy", 1.0, 0.5, 0.0, 0.0, 0.0,
                seq * 0.1, 0, null, null);
    }
}
