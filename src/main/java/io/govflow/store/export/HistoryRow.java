package io.govflow.store.export;

import org.jspecify.annotations.Nullable;

import io.govflow.store.agent.UpdateLogEntry;

/**
 * One update as exports show it. {@code lambda1} is null only in a reference state file whose
 * {@code lambda1_history} is shorter than its other arrays.
 *
 * @param seq the global update number
 */
public record HistoryRow(long seq, String ts, double E, double I, double S, double V, double coherence,
        double attentionScore, String decision, @Nullable Double lambda1) {

    static HistoryRow of(UpdateLogEntry entry) {
        return new HistoryRow(entry.seq(), entry.ts(), entry.E(), entry.I(), entry.S(), entry.V(), entry.coherence(),
                entry.attentionScore(), entry.decision(), entry.lambda1());
    }
}
