package io.govflow.engine;

/** The top-level status of an update: critical, moderate or healthy. */
public final class StatusPolicy {

    public static final String HEALTHY = "healthy";
    public static final String MODERATE = "moderate";
    public static final String CRITICAL = "critical";

    private StatusPolicy() {
    }

    /** Critical on a void or low coherence, otherwise graded by attention against the revise and approve thresholds. */
    public static String status(boolean voidActive, double coherence, double attention, Thresholds t) {
        if (voidActive || coherence < t.coherenceCritical()) {
            return CRITICAL;
        }
        return byAttention(attention, t);
    }

    static String byAttention(double attention, Thresholds t) {
        if (attention >= t.riskRevise()) {
            return CRITICAL;
        }
        return attention >= t.riskApprove() ? MODERATE : HEALTHY;
    }
}
