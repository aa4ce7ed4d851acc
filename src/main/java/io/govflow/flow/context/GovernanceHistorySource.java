package io.govflow.flow.context;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.govflow.store.agent.UpdateLogEntry;
import io.govflow.store.agent.UpdateLogStore;
import io.govflow.store.context.ManifestEntry.Related;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code governance.history}: totals, decision and verdict mix, means and trends (the last {@value #WINDOW}
 * updates against the {@value #WINDOW} before them) over the agent's whole update log, streamed with flat
 * memory. Fresh while the log's last seq is the one recorded in {@code d.as_of}.
 */
@Component
class GovernanceHistorySource implements ContextSource {

    static final int WINDOW = 10;
    /** A change of a trend's mean smaller than this is "flat". */
    static final double FLAT = 0.01;

    private final UpdateLogStore updateLog;

    GovernanceHistorySource(UpdateLogStore updateLog) {
        this.updateLog = updateLog;
    }

    @Override
    public String type() {
        return ContextTypes.HISTORY;
    }

    @Override
    public JsonNode asOf(String agentId) {
        return LogStamp.of(updateLog, agentId);
    }

    @Override
    public Derived derive(String agentId) {
        ObjectNode asOf = LogStamp.of(updateLog, agentId);
        Tally tally = new Tally();
        updateLog.forEach(agentId, tally::add);

        ObjectNode d = JsonBits.object();
        d.set("as_of", asOf);
        d.putObject("totals").put("updates", tally.count).put("first_ts", tally.firstTs)
                .put("last_ts", tally.lastTs);
        ObjectNode mix = d.putObject("decision_mix");
        tally.decisions.forEach(mix::put);
        ObjectNode verdicts = d.putObject("verdict_mix");
        tally.verdicts.forEach(verdicts::put);
        d.put("pause_share", tally.pauseShare());
        ObjectNode means = d.putObject("means");
        for (int k = 0; k < Tally.METRICS.length; k++) {
            means.put(Tally.METRICS[k], tally.mean(k));
        }
        ObjectNode trends = d.putObject("trends");
        for (int k = 0; k < Tally.METRICS.length; k++) {
            trends.set(Tally.METRICS[k], tally.trend(k));
        }

        ObjectNode s = JsonBits.object();
        s.put("updates", tally.count);
        s.put("pause_share", tally.pauseShare());
        s.put("mean_coherence", tally.mean(Tally.COHERENCE));
        s.put("mean_attention", tally.mean(Tally.ATTENTION));
        s.put("coherence_trend", tally.trend(Tally.COHERENCE).get("direction").asString());
        s.put("attention_trend", tally.trend(Tally.ATTENTION).get("direction").asString());
        s.put("last_ts", tally.lastTs);
        return new Derived("govflow.update_log", d, s, List.of("history", "trend", "decision mix", "coherence",
                "attention"), List.of(new Related(ContextTypes.STATE, "companion")));
    }

    /** Running totals over the log. */
    private static final class Tally {
        static final String[] METRICS = {"E", "I", "S", "V", "coherence", "attention_score"};
        static final int COHERENCE = 4;
        static final int ATTENTION = 5;

        long count;
        @Nullable String firstTs;
        @Nullable String lastTs;
        final Map<String, Long> decisions = new TreeMap<>();
        final Map<String, Long> verdicts = new TreeMap<>();
        final double[] sums = new double[METRICS.length];
        final Deque<double[]> lastTwoWindows = new ArrayDeque<>(2 * WINDOW + 1);

        void add(UpdateLogEntry entry) {
            count++;
            if (firstTs == null) {
                firstTs = entry.ts();
            }
            lastTs = entry.ts();
            decisions.merge(entry.decision(), 1L, Long::sum);
            verdicts.merge(entry.verdict(), 1L, Long::sum);
            double[] values = {entry.E(), entry.I(), entry.S(), entry.V(), entry.coherence(),
                    entry.attentionScore()};
            for (int k = 0; k < values.length; k++) {
                sums[k] += values[k];
            }
            lastTwoWindows.addLast(values);
            if (lastTwoWindows.size() > 2 * WINDOW) {
                lastTwoWindows.removeFirst();
            }
        }

        @Nullable Double mean(int k) {
            return count == 0 ? null : sums[k] / count;
        }

        double pauseShare() {
            return count == 0 ? 0.0 : decisions.getOrDefault("pause", 0L) / (double) count;
        }

        ObjectNode trend(int k) {
            List<double[]> window = List.copyOf(lastTwoWindows);
            int recentFrom = Math.max(0, window.size() - WINDOW);
            Double recent = meanOf(window.subList(recentFrom, window.size()), k);
            Double previous = meanOf(window.subList(0, recentFrom), k);
            ObjectNode trend = JsonBits.object();
            trend.put("recent", recent);
            trend.put("previous", previous);
            if (recent == null || previous == null) {
                trend.putNull("delta");
                trend.put("direction", "unknown");
            } else {
                double delta = recent - previous;
                trend.put("delta", delta);
                trend.put("direction", delta > FLAT ? "rising" : delta < -FLAT ? "falling" : "flat");
            }
            return trend;
        }

        private static @Nullable Double meanOf(List<double[]> rows, int k) {
            if (rows.isEmpty()) {
                return null;
            }
            double sum = 0;
            for (double[] row : rows) {
                sum += row[k];
            }
            return sum / rows.size();
        }
    }
}
