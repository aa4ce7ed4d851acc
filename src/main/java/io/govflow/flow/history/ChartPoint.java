package io.govflow.flow.history;

/** One plotted point: an update's seq and a value of it. */
public record ChartPoint(long seq, double value) {
}
