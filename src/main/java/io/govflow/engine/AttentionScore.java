package io.govflow.engine;

/** attention_score = 0.7 · risk implied by Φ + 0.3 · traditional risk (the field formerly called risk). */
final class AttentionScore {

    private static final double PHI_WEIGHT = 0.7;
    private static final double TRADITIONAL_WEIGHT = 0.3;

    private AttentionScore() {
    }

    static double blend(double phi, double traditionalRisk) {
        return PHI_WEIGHT * phiRisk(phi) + TRADITIONAL_WEIGHT * traditionalRisk;
    }

    /** Piecewise: [0, 0.3] for safe Φ, (0.3, 0.7] for caution, [0.7, 1] for high-risk. */
    static double phiRisk(double phi) {
        if (phi >= Verdict.SAFE_FROM) {
            return Math.max(0.0, 0.3 - (phi - Verdict.SAFE_FROM) * 0.5);
        }
        if (phi >= Verdict.CAUTION_FROM) {
            return 0.3 + (Verdict.SAFE_FROM - phi) / (Verdict.SAFE_FROM - Verdict.CAUTION_FROM) * 0.4;
        }
        return Math.min(1.0, 0.7 + Math.abs(phi - Verdict.CAUTION_FROM) * 2.0);
    }
}
