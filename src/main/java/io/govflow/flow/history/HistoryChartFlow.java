package io.govflow.flow.history;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.govflow.error.ErrorCode;
import io.govflow.error.GovflowException;
import io.govflow.flow.agent.AgentIds;
import io.govflow.flow.update.CurrentThresholds;
import io.govflow.store.agent.MetadataStore;
import io.govflow.store.agent.UpdateLogEntry;
import io.govflow.store.agent.UpdateLogStore;
import org.springframework.stereotype.Service;

/**
 * The agent's history as an SVG chart. Reads only the last {@code last} lines of the update log (backwards from
 * its end, so the cost does not grow with the log's length) and plots at most {@link PointSampler#MAX_POINTS}
 * points per series.
 */
@Service
public class HistoryChartFlow {

    private static final String PAUSE = "pause";

    private final MetadataStore metadata;
    private final UpdateLogStore updateLog;
    private final CurrentThresholds thresholds;
    private final SvgChartRenderer renderer = new SvgChartRenderer();

    public HistoryChartFlow(MetadataStore metadata, UpdateLogStore updateLog, CurrentThresholds thresholds) {
        this.metadata = metadata;
        this.updateLog = updateLog;
        this.thresholds = thresholds;
    }

    /** The chart as an SVG document; {@code AGENT_NOT_FOUND} for an unknown agent, like its history. */
    public String svg(String agentId, ChartQuery query) {
        return renderer.render(chart(agentId, query));
    }

    /** The data of the chart (the lines read, sampled). */
    public HistoryChart chart(String agentId, ChartQuery query) {
        AgentIds.requireValid(agentId);
        if (metadata.find(agentId).isEmpty()) {
            throw new GovflowException(ErrorCode.AGENT_NOT_FOUND, agentId);
        }
        List<UpdateLogEntry> lines = updateLog.readTail(agentId, query.last());
        Map<ChartMetric, List<ChartPoint>> series = new LinkedHashMap<>();
        for (ChartMetric metric : query.metrics()) {
            series.put(metric, PointSampler.sample(points(lines, metric)));
        }
        return new HistoryChart(agentId, series, pauses(lines), lines.size(), thresholds.current());
    }

    /** The metric's finite values (a line from an older version may hold NaN; it is not a point). */
    private static List<ChartPoint> points(List<UpdateLogEntry> lines, ChartMetric metric) {
        List<ChartPoint> points = new ArrayList<>(lines.size());
        for (UpdateLogEntry line : lines) {
            double value = metric.valueOf(line);
            if (Double.isFinite(value)) {
                points.add(new ChartPoint(line.seq(), value));
            }
        }
        return points;
    }

    private static List<Long> pauses(List<UpdateLogEntry> lines) {
        if (lines.isEmpty()) {
            return List.of();
        }
        List<Long> seqs = lines.stream().filter(line -> PAUSE.equals(line.decision())).map(UpdateLogEntry::seq)
                .toList();
        return PointSampler.pauses(seqs, lines.get(0).seq(), lines.get(lines.size() - 1).seq(), lines.size());
    }
}
