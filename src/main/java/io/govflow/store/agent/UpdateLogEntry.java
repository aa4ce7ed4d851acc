package io.govflow.store.agent;

import java.util.Objects;
import java.util.stream.DoubleStream;

import org.jspecify.annotations.Nullable;

/**
 * One committed update, one line of {@code agents/{id}_updates.jsonl}. Components are in the line's key order
 * ({@code seq, ts, E, I, S, V, coherence, attention_score, decision, lambda1, lambda1_after, phi, verdict,
 * void_active, status, confidence, complexity, eta1, C1, pi_integral, time, lambda1_update_skips}, then the
 * optional {@code agent_status}, {@code thresholds}, {@code idempotency_key} and {@code request_hash}); the
 * {@code crc} is added by the codec.
 *
 * @param seq 1-based; equals the state's update_count after this update
 * @param lambda1 the value that goes into lambda1_history (before the controller step)
 * @param lambda1After λ1 after the controller step
 * @param agentStatus the lifecycle status this update set (archived / waiting_input → active, → paused under
 *                    enforce-pause), null when it left the status as it was
 * @param thresholds  the thresholds the update was decided with, null when they were the defaults
 */
public record UpdateLogEntry(
        long seq,
        String ts,
        double E,
        double I,
        double S,
        double V,
        double coherence,
        double attentionScore,
        String decision,
        double lambda1,
        double lambda1After,
        double phi,
        String verdict,
        boolean voidActive,
        String status,
        double confidence,
        double complexity,
        double eta1,
        double C1,
        double piIntegral,
        double time,
        long lambda1UpdateSkips,
        @Nullable AgentStatus agentStatus,
        @Nullable LoggedThresholds thresholds,
        @Nullable String idempotencyKey,
        @Nullable String requestHash) {

    public UpdateLogEntry {
        if (seq < 1) {
            throw new IllegalArgumentException("seq must be >= 1");
        }
        Objects.requireNonNull(ts, "ts");
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(status, "status");
    }

    /** Whether every number of the line is finite (older versions could log NaN or Infinity). */
    public boolean allFinite() {
        boolean values = DoubleStream.of(E, I, S, V, coherence, attentionScore, lambda1, lambda1After, phi,
                confidence, complexity, eta1, C1, piIntegral, time).allMatch(Double::isFinite);
        return values && (thresholds == null || DoubleStream.of(thresholds.riskApprove(), thresholds.riskRevise(),
                thresholds.coherenceCritical(), thresholds.voidThresholdInitial()).allMatch(Double::isFinite));
    }

    /** A line that changed no lifecycle status and was decided with the default thresholds. */
    public UpdateLogEntry(long seq, String ts, double E, double I, double S, double V, double coherence,
            double attentionScore, String decision, double lambda1, double lambda1After, double phi, String verdict,
            boolean voidActive, String status, double confidence, double complexity, double eta1, double C1,
            double piIntegral, double time, long lambda1UpdateSkips, @Nullable String idempotencyKey,
            @Nullable String requestHash) {
        this(seq, ts, E, I, S, V, coherence, attentionScore, decision, lambda1, lambda1After, phi, verdict,
                voidActive, status, confidence, complexity, eta1, C1, piIntegral, time, lambda1UpdateSkips, null, null,
                idempotencyKey, requestHash);
    }
}
