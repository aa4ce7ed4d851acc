package io.govflow.engine;

/** The linear map between eta1 ∈ [0.1, 0.5] and λ1 ∈ [0.05, 0.20], both ways. */
final class Lambda1Mapping {

    static final double LAMBDA1_MIN = 0.05;
    static final double LAMBDA1_MAX = 0.20;
    private static final double ETA1_MIN = 0.1;
    private static final double ETA1_MAX = 0.5;

    private Lambda1Mapping() {
    }

    static double fromEta1(double eta1) {
        double clamped = Bounds.clip(eta1, ETA1_MIN, ETA1_MAX);
        double normalized = (clamped - ETA1_MIN) / (ETA1_MAX - ETA1_MIN);
        return LAMBDA1_MIN + normalized * (LAMBDA1_MAX - LAMBDA1_MIN);
    }

    static double toEta1(double lambda1) {
        double normalized = (lambda1 - LAMBDA1_MIN) / (LAMBDA1_MAX - LAMBDA1_MIN);
        return Bounds.clip(ETA1_MIN + normalized * (ETA1_MAX - ETA1_MIN), ETA1_MIN, ETA1_MAX);
    }
}
