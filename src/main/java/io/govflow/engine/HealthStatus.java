package io.govflow.engine;

/**
 * The health status shown next to the metrics. Unlike {@link StatusPolicy} it ignores coherence, so the two
 * can disagree (low coherence with low attention: status critical, health healthy).
 */
public final class HealthStatus {

    private HealthStatus() {
    }

    public static String status(double attention, boolean voidActive, Thresholds t) {
        if (voidActive) {
            return StatusPolicy.CRITICAL;
        }
        if (attention < t.riskApprove()) {
            return StatusPolicy.HEALTHY;
        }
        return attention < t.riskRevise() ? StatusPolicy.MODERATE : StatusPolicy.CRITICAL;
    }

    public static String message(String status, double attention) {
        String percent = Percent.of(attention);
        switch (status) {
            case StatusPolicy.HEALTHY:
                return "Attention " + percent + ": low, nothing needs a closer look.";
            case StatusPolicy.MODERATE:
                return "Attention " + percent + ": the usual level for active development.";
            default:
                return "Attention " + percent + ": high, or the state is in a void; slow down and review.";
        }
    }
}
