package io.govflow.store.export;

import java.util.function.Consumer;

/**
 * An agent's history frozen at one moment, readable any number of times: the JSON document is column-major while
 * the log is row-major, so writers make one sequential pass per array. Every pass yields the same rows.
 */
public interface HistorySource {

    String agentId();

    /** One pass over the rows, oldest first. */
    void forEach(Consumer<HistoryRow> action);

    /** {@code total_updates}, {@code total_time} and {@code lambda1_final} as of the last row. */
    HistoryTotals totals();

    /** What the history knows of its own completeness before any pass (see {@link HistoryTotals}). */
    default boolean isEmpty() {
        return totals().lastSeq() == 0;
    }
}
