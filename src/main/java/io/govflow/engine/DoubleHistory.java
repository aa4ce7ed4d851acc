package io.govflow.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The last {@code window} values of one numeric history series, oldest first, in a primitive ring: eight bytes a
 * value instead of a boxed double and its reference, and a copy is one array copy. Appending is O(1).
 */
final class DoubleHistory {

    private static final int INITIAL_CAPACITY = 16;

    private final int window;
    private double[] ring;
    private int start;
    private int size;

    DoubleHistory(int window) {
        if (window < 1) {
            throw new IllegalArgumentException("history window must be at least 1");
        }
        this.window = window;
        this.ring = new double[Math.min(window, INITIAL_CAPACITY)];
    }

    static DoubleHistory of(int window, List<Double> values) {
        DoubleHistory history = new DoubleHistory(window);
        for (int index = Math.max(0, values.size() - window); index < values.size(); index++) {
            history.add(values.get(index));
        }
        return history;
    }

    DoubleHistory copy() {
        DoubleHistory copy = new DoubleHistory(window);
        copy.ring = ring.clone();
        copy.start = start;
        copy.size = size;
        return copy;
    }

    void add(double value) {
        if (size == window) {
            ring[start] = value;
            start = (start + 1) % ring.length;
            return;
        }
        if (size == ring.length) {
            grow();
        }
        ring[(start + size) % ring.length] = value;
        size++;
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** Entry {@code index}, counted from the oldest. */
    double get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        return ring[(start + index) % ring.length];
    }

    /** Entry {@code back} places before the newest; {@code fromEnd(0)} is the newest. */
    double fromEnd(int back) {
        return get(size - 1 - back);
    }

    /** An immutable copy of the last {@code count} entries (all of them if fewer), oldest first. */
    List<Double> last(int count) {
        int from = Math.max(0, size - count);
        List<Double> values = new ArrayList<>(size - from);
        for (int index = from; index < size; index++) {
            values.add(get(index));
        }
        return Collections.unmodifiableList(values);
    }

    List<Double> toList() {
        return last(size);
    }

    private void grow() {
        double[] larger = new double[Math.min(window, ring.length * 2)];
        for (int index = 0; index < size; index++) {
            larger[index] = ring[(start + index) % ring.length];
        }
        ring = larger;
        start = 0;
    }

    @Override
    public String toString() {
        return Arrays.toString(toList().toArray());
    }
}
