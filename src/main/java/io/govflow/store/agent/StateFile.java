package io.govflow.store.agent;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;

import io.govflow.store.io.JsonFields;

import tools.jackson.databind.JsonNode;

/**
 * The state file {@code agents/{id}_state.json} (a checkpoint of the update log). Components follow the file's
 * field order: {@code E, I, S, V, coherence, lambda1, void_active, time, update_count,
 * unitaires_state{E,I,S,V}, unitaires_theta{C1,eta1}, E_history, I_history, S_history, V_history,
 * coherence_history, risk_history, lambda1_history, decision_history, timestamp_history, pi_integral,
 * lambda1_update_skips}, then unknown fields in their original order. {@code E..V} are written twice, at the top
 * and inside {@code unitaires_state}. History arrays hold the last W updates.
 *
 * @param lambda1 informational (derived from eta1); the engine recomputes it, as it does coherence
 * @param riskHistory attention scores; the file keeps the legacy name {@code risk_history}
 * @param unknownFields fields this version does not know (e.g. {@code regime}), preserved on rewrite
 */
public record StateFile(
        double E,
        double I,
        double S,
        double V,
        double coherence,
        double lambda1,
        boolean voidActive,
        double time,
        long updateCount,
        double C1,
        double eta1,
        List<Double> EHistory,
        List<Double> IHistory,
        List<Double> SHistory,
        List<Double> VHistory,
        List<Double> coherenceHistory,
        List<Double> riskHistory,
        List<Double> lambda1History,
        List<String> decisionHistory,
        List<String> timestampHistory,
        double piIntegral,
        long lambda1UpdateSkips,
        Map<String, JsonNode> unknownFields) {

    /** Values of a fresh agent (reference §1.1), used for fields missing from a file. */
    public static final double DEFAULT_E = 0.7;
    public static final double DEFAULT_I = 0.8;
    public static final double DEFAULT_S = 0.2;
    public static final double DEFAULT_V = 0.0;
    public static final double DEFAULT_COHERENCE = 1.0;
    public static final double DEFAULT_LAMBDA1 = 0.125;
    public static final double DEFAULT_C1 = 1.0;
    public static final double DEFAULT_ETA1 = 0.3;

    public StateFile {
        EHistory = List.copyOf(EHistory);
        IHistory = List.copyOf(IHistory);
        SHistory = List.copyOf(SHistory);
        VHistory = List.copyOf(VHistory);
        coherenceHistory = List.copyOf(coherenceHistory);
        riskHistory = List.copyOf(riskHistory);
        lambda1History = List.copyOf(lambda1History);
        decisionHistory = List.copyOf(decisionHistory);
        timestampHistory = List.copyOf(timestampHistory);
        unknownFields = JsonFields.copyOf(Objects.requireNonNull(unknownFields, "unknownFields"));
    }

    /** The state of an agent that has no update yet. */
    public static StateFile initial() {
        return new StateFile(DEFAULT_E, DEFAULT_I, DEFAULT_S, DEFAULT_V, DEFAULT_COHERENCE, DEFAULT_LAMBDA1, false,
                0.0, 0, DEFAULT_C1, DEFAULT_ETA1, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), 0.0, 0, Map.of());
    }

    /**
     * Updates whose every recorded value the file still holds: the shortest of its per-update arrays
     * ({@code lambda1_history} aside, which older reference files did not keep). The reference trimmed the oldest
     * entries, so these are the last ones, ending at {@code update_count}.
     */
    public int retainedUpdates() {
        return IntStream.of(EHistory.size(), IHistory.size(), SHistory.size(), VHistory.size(),
                coherenceHistory.size(), riskHistory.size(), decisionHistory.size(), timestampHistory.size())
                .min().orElse(0);
    }

    /** Attention scores per update (the file's {@code risk_history}). */
    public List<Double> attentionHistory() {
        return riskHistory;
    }
}
