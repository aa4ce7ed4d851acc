package io.govflow.flow.history;

import java.util.List;
import java.util.Map;

import io.govflow.engine.Thresholds;

/**
 * What one history chart draws: the sampled series of each metric asked for, the pause decisions among the lines
 * read, and the thresholds in force.
 *
 * @param agentId  the agent (the title)
 * @param series   metric → its points in seq order, in the order asked for
 * @param pauses   seqs of pause decisions to mark
 * @param updates  how many log lines were read (0: the agent has no updates yet)
 */
public record HistoryChart(String agentId, Map<ChartMetric, List<ChartPoint>> series, List<Long> pauses,
        int updates, Thresholds thresholds) {

    public HistoryChart {
        series = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(series));
        pauses = List.copyOf(pauses);
    }
}
