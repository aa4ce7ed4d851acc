package io.govflow.engine;

/** Φ (phi) and the verdict it implies: safe from 0.3, caution from 0, high-risk below. */
public final class Verdict {

    public static final String SAFE = "safe";
    public static final String CAUTION = "caution";
    public static final String HIGH_RISK = "high-risk";

    static final double SAFE_FROM = 0.3;
    static final double CAUTION_FROM = 0.0;
    private static final double WEIGHT = 0.5;

    private Verdict() {
    }

    /** Φ = ½E − ½(1 − I) − ½S − ½|V| − ½‖Δη‖²; at most 0.5. */
    static double phi(double e, double i, double s, double v, DriftVector drift) {
        double norm = drift.norm();
        return WEIGHT * e - WEIGHT * (1.0 - i) - WEIGHT * s - WEIGHT * Math.abs(v) - WEIGHT * norm * norm;
    }

    public static String of(double phi) {
        if (phi >= SAFE_FROM) {
            return SAFE;
        }
        return phi >= CAUTION_FROM ? CAUTION : HIGH_RISK;
    }
}
