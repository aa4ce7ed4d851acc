package io.govflow.flow.update;

import java.util.Collection;
import java.util.function.ToLongFunction;

import org.jspecify.annotations.Nullable;

/** The earliest of some {@link System#nanoTime()} instants (compared by difference, as nano times must be). */
final class Oldest {

    private Oldest() {
    }

    static <T> @Nullable Long of(Collection<T> values, ToLongFunction<T> since) {
        Long oldest = null;
        for (T value : values) {
            long at = since.applyAsLong(value);
            if (oldest == null || at - oldest < 0) {
                oldest = at;
            }
        }
        return oldest;
    }
}
