package io.govflow.engine;

/**
 * Runtime decision thresholds. Every rule that uses one of these values reads it from here, so an override
 * moves the decision, the status, the health status and the early void check together.
 *
 * @param riskApprove          attention below this proceeds without guidance
 * @param riskRevise           attention below this (and at or above approve) proceeds with guidance
 * @param coherenceCritical    coherence below this pauses
 * @param voidThresholdInitial |V| above this is a void while fewer than ten V values are recorded
 */
public record Thresholds(double riskApprove, double riskRevise, double coherenceCritical, double voidThresholdInitial) {

    public static final Thresholds DEFAULTS = new Thresholds(0.35, 0.60, 0.40, 0.15);

    public Thresholds {
        requireUnitInterval("riskApprove", riskApprove);
        requireUnitInterval("riskRevise", riskRevise);
        requireUnitInterval("coherenceCritical", coherenceCritical);
        requireUnitInterval("voidThresholdInitial", voidThresholdInitial);
        if (!(riskApprove < riskRevise)) {
            throw new IllegalArgumentException("riskApprove must be below riskRevise");
        }
    }

    private static void requireUnitInterval(String name, double value) {
        if (!(value >= 0.0 && value <= 1.0)) {
            throw new IllegalArgumentException(name + " must be within [0, 1]");
        }
    }
}
