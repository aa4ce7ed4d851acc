package io.govflow.engine;

/** One explicit Euler step of the EISV equations; every right-hand side uses the pre-step values. */
final class EisvDynamics {

    static final double DT = 0.1;

    private static final double ALPHA = 0.4;
    private static final double BETA_E = 0.1;
    private static final double GAMMA_E = 0.0;
    private static final double K = 0.1;
    private static final double BETA_I = 0.3;
    private static final double GAMMA_I = 0.25;
    private static final double MU = 0.8;
    private static final double LAMBDA2 = 0.05;
    private static final double KAPPA = 0.3;
    private static final double DELTA = 0.4;
    private static final double S_MAX_DYNAMICS = 2.0;
    private static final double V_LIMIT = 2.0;

    private EisvDynamics() {
    }

    /**
     * The next point, each variable clipped to its dynamics bounds (S may still reach 2 here).
     *
     * @param coherence C at the pre-step V
     */
    static EisvPoint step(EisvPoint now, double coherence, double lambda1, double driftSquared) {
        double e = now.e();
        double i = now.i();
        double s = now.s();
        double v = now.v();
        double dE = ALPHA * (i - e) - BETA_E * s + GAMMA_E * driftSquared;
        double dI = -K * s + BETA_I * coherence - GAMMA_I * i * (1 - i);
        double dS = -MU * s + lambda1 * driftSquared - LAMBDA2 * coherence;
        double dV = KAPPA * (e - i) - DELTA * v;
        return new EisvPoint(
                Bounds.clip(e + dE * DT, 0.0, 1.0),
                Bounds.clip(i + dI * DT, 0.0, 1.0),
                Bounds.clip(s + dS * DT, 0.0, S_MAX_DYNAMICS),
                Bounds.clip(v + dV * DT, -V_LIMIT, V_LIMIT));
    }
}
