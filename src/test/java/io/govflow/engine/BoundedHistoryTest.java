package io.govflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class BoundedHistoryTest {

    @Test
    void growsPastTheInitialCapacityAndKeepsOrder() {
        BoundedHistory<Integer> history = new BoundedHistory<>(50);
        List<Integer> expected = new ArrayList<>();
        for (int n = 0; n < 40; n++) {
            history.add(n);
            expected.add(n);
        }
        assertThat(history.toList()).isEqualTo(expected);
        assertThat(history.fromEnd(0)).isEqualTo(39);
        assertThat(history.last(3)).containsExactly(37, 38, 39);
    }

    @Test
    void dropsTheOldestOnceTheWindowIsFull() {
        BoundedHistory<Integer> history = new BoundedHistory<>(3);
        for (int n = 0; n < 10; n++) {
            history.add(n);
        }
        assertThat(history.toList()).containsExactly(7, 8, 9);
        assertThat(history.get(0)).isEqualTo(7);
        assertThat(history.last(10)).containsExactly(7, 8, 9);
    }

    @Test
    void windowOfOne() {
        BoundedHistory<String> history = new BoundedHistory<>(1);
        history.add("a");
        history.add("b");
        assertThat(history.toList()).containsExactly("b");
    }

    @Test
    void copyIsIndependent() {
        BoundedHistory<Integer> history = BoundedHistory.of(4, List.of(1, 2, 3, 4, 5));
        BoundedHistory<Integer> copy = history.copy();
        copy.add(6);
        assertThat(history.toList()).containsExactly(2, 3, 4, 5);
        assertThat(copy.toList()).containsExactly(3, 4, 5, 6);
    }

    @Test
    void rejectsAnEmptyWindowAndBadIndexes() {
        assertThatThrownBy(() -> new BoundedHistory<>(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BoundedHistory<Integer>(3).get(0)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> GovernanceState.fresh(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
