package io.govflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class ReferenceSumTest {

    @Test
    void sumsMeansAndPopulationStandardDeviation() {
        assertThat(ReferenceSum.sum(new double[] {1, 2, 3})).isEqualTo(6.0);
        double[] hundred = new double[100];
        for (int n = 0; n < 100; n++) {
            hundred[n] = n;
        }
        assertThat(ReferenceSum.mean(hundred)).isEqualTo(49.5);
        assertThat(ReferenceSum.standardDeviation(new double[] {2, 4, 4, 4, 5, 5, 7, 9})).isEqualTo(2.0);
    }

    @Test
    void largeInputsAreSplitPairwise() {
        double[] large = new double[300];
        Arrays.fill(large, 0.5);
        assertThat(ReferenceSum.sum(large)).isEqualTo(150.0);
    }

    @Test
    void blockSummationUsesEightLanes() {
        // Left to right, each 1 added to 1e16 is rounded away. In eight lanes, 1e16 and −1e16 meet in lane 0
        // and cancel, while the seven ones sit in their own lanes and survive.
        double[] values = {1e16, 1, 1, 1, 1, 1, 1, 1, -1e16, 0, 0, 0, 0, 0, 0, 0};
        double plain = 0;
        for (double value : values) {
            plain += value;
        }
        assertThat(plain).isZero();
        assertThat(ReferenceSum.sum(values)).isEqualTo(7.0);
    }
}
