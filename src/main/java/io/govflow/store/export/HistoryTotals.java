package io.govflow.store.export;

/**
 * The summary of a history as of its last row.
 *
 * @param lastSeq seq of the last row (0 when there is none)
 * @param totalUpdates the agent's update count (= lastSeq, or the state file's update_count for a window)
 * @param fromWindowOnly true when the rows come from a state file's window, not from an update log
 */
public record HistoryTotals(long lastSeq, long totalUpdates, double totalTime, double lambda1Final,
        boolean fromWindowOnly) {

    public static final HistoryTotals NONE = new HistoryTotals(0, 0, 0.0, 0.125, false);
}
