package io.govflow.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The last {@code window} values of one history series, oldest first. Appending is O(1): once the window is
 * full the oldest entry is overwritten instead of shifting the whole series.
 */
final class BoundedHistory<T> {

    private static final int INITIAL_CAPACITY = 16;

    private final int window;
    private Object[] ring;
    private int start;
    private int size;

    BoundedHistory(int window) {
        if (window < 1) {
            throw new IllegalArgumentException("history window must be at least 1");
        }
        this.window = window;
        this.ring = new Object[Math.min(window, INITIAL_CAPACITY)];
    }

    static <T> BoundedHistory<T> of(int window, List<? extends T> values) {
        BoundedHistory<T> history = new BoundedHistory<>(window);
        for (int index = Math.max(0, values.size() - window); index < values.size(); index++) {
            history.add(values.get(index));
        }
        return history;
    }

    BoundedHistory<T> copy() {
        BoundedHistory<T> copy = new BoundedHistory<>(window);
        copy.ring = ring.clone();
        copy.start = start;
        copy.size = size;
        return copy;
    }

    void add(T value) {
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
    @SuppressWarnings("unchecked")
    T get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        return (T) ring[(start + index) % ring.length];
    }

    /** Entry {@code back} places before the newest; {@code fromEnd(0)} is the newest. */
    T fromEnd(int back) {
        return get(size - 1 - back);
    }

    /** An immutable copy of the last {@code count} entries (all of them if fewer), oldest first. */
    List<T> last(int count) {
        int from = Math.max(0, size - count);
        List<T> values = new ArrayList<>(size - from);
        for (int index = from; index < size; index++) {
            values.add(get(index));
        }
        return Collections.unmodifiableList(values);
    }

    List<T> toList() {
        return last(size);
    }

    private void grow() {
        Object[] larger = new Object[Math.min(window, ring.length * 2)];
        for (int index = 0; index < size; index++) {
            larger[index] = ring[(start + index) % ring.length];
        }
        ring = larger;
        start = 0;
    }
}
