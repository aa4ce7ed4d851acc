package io.govflow.flow.fleet;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * One agent whose latest update stands out from its own recent past ({@link DeviationRule},
 * {@link DecisionPatternRule}), with the numbers that show it and a sentence saying it. Deviations carry
 * {@code latest, mean, stddev, z}; a decision pattern carries the two pause shares and how many decisions each
 * covers. {@code severity} orders them: {@code |z| / 3} for a deviation, {@code |change| / 0.5} for a pattern, so 1
 * is just past the rule's line.
 */
public record Anomaly(String agentId, String kind, long seq, String summary, double severity,
        @Nullable Double latest, @Nullable Double mean, @Nullable Double stddev, @Nullable Double z,
        @Nullable Double recentPauseShare, @Nullable Double earlierPauseShare, @Nullable Integer recent,
        @Nullable Integer earlier) {

    public static final String ATTENTION_DEVIATION = "attention_deviation";
    public static final String COHERENCE_DEVIATION = "coherence_deviation";
    public static final String DECISION_PATTERN = "decision_pattern";

    /** Most severe first, then by agent and kind. */
    static final Comparator<Anomaly> MOST_SEVERE_FIRST = Comparator.comparingDouble(Anomaly::severity).reversed()
            .thenComparing(Anomaly::agentId).thenComparing(Anomaly::kind);

    /** The anomalies of one agent's window (oldest first; the last entry is the update {@code seq}). */
    static List<Anomaly> find(String agentId, long seq, double[] attention, double[] coherence, boolean[] pauses) {
        List<Anomaly> found = new ArrayList<>(1);
        DeviationRule.check(attention).ifPresent(d -> found.add(deviation(agentId, ATTENTION_DEVIATION, "Attention",
                seq, d)));
        DeviationRule.check(coherence).ifPresent(d -> found.add(deviation(agentId, COHERENCE_DEVIATION, "Coherence",
                seq, d)));
        DecisionPatternRule.check(pauses).ifPresent(p -> found.add(pattern(agentId, seq, p)));
        return List.copyOf(found);
    }

    private static Anomaly deviation(String agentId, String kind, String what, long seq,
            DeviationRule.Deviation d) {
        String summary = String.format(Locale.ROOT,
                "%s %.3f at update %d is %.1f standard deviations %s the agent's mean of %.3f over its previous %d "
                        + "updates (standard deviation %.3f).",
                what, d.latest(), seq, Math.abs(d.z()), d.z() > 0 ? "above" : "below", d.mean(), d.points(),
                d.stddev());
        return new Anomaly(agentId, kind, seq, summary, Math.abs(d.z()) / DeviationRule.SIGMA, d.latest(), d.mean(),
                d.stddev(), d.z(), null, null, null, null);
    }

    private static Anomaly pattern(String agentId, long seq, DecisionPatternRule.PatternChange p) {
        String summary = String.format(Locale.ROOT,
                "Pause decisions %s from %.0f%% of the %d updates before to %.0f%% of the last %d (up to update %d).",
                p.change() > 0 ? "rose" : "fell", 100 * p.earlierPauseShare(), p.earlier(),
                100 * p.recentPauseShare(), p.recent(), seq);
        return new Anomaly(agentId, DECISION_PATTERN, seq, summary,
                Math.abs(p.change()) / DecisionPatternRule.MIN_CHANGE, null, null, null, null, p.recentPauseShare(),
                p.earlierPauseShare(), p.recent(), p.earlier());
    }
}
