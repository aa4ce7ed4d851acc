package io.govflow.store.thresholds;

import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Where the runtime decision thresholds are kept, shared by every instance on the store. A damaged stored value is
 * {@code STORAGE_ERROR} on read (never "no thresholds") until valid ones are written; that write keeps the damaged
 * value aside first.
 */
public interface ThresholdsStore {

    /** The stored thresholds; empty when none were ever written. */
    Optional<ThresholdsFile> read();

    /**
     * Replaces the thresholds with {@code change} applied to what is stored (empty when none were ever written, or
     * what was stored is damaged), exclusively across every instance; the change may throw to refuse. Returns what
     * was written.
     */
    ThresholdsFile update(UnaryOperator<Optional<ThresholdsFile>> change);
}
