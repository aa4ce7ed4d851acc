package io.govflow.engine;

import org.jspecify.annotations.Nullable;

/**
 * The read-only view of an agent's governance (no update is run).
 *
 * @param status         from the recent attention, or from coherence alone when no attention is recorded
 * @param historySize    number of recorded V values (at most the window)
 * @param currentRisk    mean of the last ten attention scores, or null when none is recorded
 * @param meanRisk       mean of all recorded attention scores, 0 when none
 * @param attentionScore currentRisk when present, else meanRisk
 * @param phi            Φ of the current state with zero drift
 * @param voidFrequency  share of recorded V values whose magnitude exceeds the initial void threshold
 * @param proceedCount   recorded proceed decisions (legacy approve/reflect/revise count as proceed)
 * @param pauseCount     recorded pause decisions (legacy reject counts as pause)
 */
public record MetricsSnapshot(double e, double i, double s, double v, double coherence, double lambda1,
                              boolean voidActive, double time, long updateCount, long lambda1UpdateSkips, String status,
                              SamplingParams samplingParams, int historySize, @Nullable Double currentRisk,
                              double meanRisk, double attentionScore, double phi, String verdict,
                              double voidFrequency, long proceedCount, long pauseCount) {
}
