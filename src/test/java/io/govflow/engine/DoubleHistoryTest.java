package io.govflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The primitive ring holds exactly what the generic one holds, after any sequence of appends and copies. */
class DoubleHistoryTest {

    private static final Logger log = LoggerFactory.getLogger(DoubleHistoryTest.class);

    @Test
    void keepsTheLastWindowInOrderLikeTheGenericRing() {
        long seed = Long.getLong("history.seed", System.nanoTime());
        log.info("history.seed={}", seed);
        Random random = new Random(seed);
        for (int round = 0; round < 200; round++) {
            int window = 1 + random.nextInt(40);
            List<Double> start = new ArrayList<>();
            for (int n = random.nextInt(60); n > 0; n--) {
                start.add(random.nextGaussian());
            }
            DoubleHistory primitive = DoubleHistory.of(window, start);
            BoundedHistory<Double> generic = BoundedHistory.of(window, start);
            for (int n = random.nextInt(100); n > 0; n--) {
                double value = random.nextGaussian();
                primitive.add(value);
                generic.add(value);
                if (random.nextInt(10) == 0) {
                    primitive = primitive.copy();
                    generic = generic.copy();
                }
            }
            assertThat(primitive.toList()).as("window %d (history.seed=%d)", window, seed)
                    .isEqualTo(generic.toList());
            assertThat(primitive.size()).isEqualTo(generic.size());
            if (!primitive.isEmpty()) {
                assertThat(primitive.fromEnd(0)).isEqualTo(generic.fromEnd(0));
                assertThat(primitive.last(3)).isEqualTo(generic.last(3));
            }
        }
    }

    @Test
    void aCopyIsIndependentAndIndexesAreChecked() {
        DoubleHistory history = DoubleHistory.of(3, List.of(1.0, 2.0, 3.0, 4.0));
        DoubleHistory copy = history.copy();
        copy.add(5.0);
        assertThat(history.toList()).containsExactly(2.0, 3.0, 4.0);
        assertThat(copy.toList()).containsExactly(3.0, 4.0, 5.0);
        assertThatThrownBy(() -> history.get(3)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> new DoubleHistory(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
