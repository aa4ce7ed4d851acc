package io.govflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Percentiles are exact nearest-rank values over every sample of every thread. */
class SamplesTest {

    @Test
    void nearestRankPercentilesOverMergedThreads() {
        Samples first = new Samples();
        Samples second = new Samples();
        for (int k = 1; k <= 100; k++) {
            (k % 2 == 0 ? first : second).add(k * 1_000_000L);
        }

        Samples all = Samples.merge(List.of(first, second));

        assertThat(all.size()).isEqualTo(100);
        assertThat(all.percentileMillis(0.50)).isEqualTo(50.0);
        assertThat(all.percentileMillis(0.99)).isEqualTo(99.0);
        assertThat(all.percentileMillis(0.999)).isEqualTo(100.0);
        assertThat(all.maxMillis()).isEqualTo(100.0);
        assertThat(new Samples().percentileMillis(0.5)).isNaN();
    }
}
