package io.govflow.engine;

/**
 * The PI controller that adapts λ1 every fifth update, steering the void frequency towards 2 % and coherence
 * towards 0.55. It runs only when the agent's confidence reaches 0.8; otherwise the run is counted as skipped.
 */
final class Lambda1Controller {

    static final int PERIOD = 5;
    static final double CONFIDENCE_GATE = 0.8;

    private static final double KP = 0.5;
    private static final double KI = 0.05;
    private static final double INTEGRAL_LIMIT = 5.0;
    private static final double TARGET_VOID_FREQUENCY = 0.02;
    private static final double TARGET_COHERENCE = 0.55;
    private static final double VOID_WEIGHT = 0.7;
    private static final double COHERENCE_WEIGHT = 0.3;
    private static final double INTEGRATION_STEP = 1.0;

    private Lambda1Controller() {
    }

    static boolean isDue(long updateCount) {
        return updateCount % PERIOD == 0;
    }

    static boolean isConfident(double confidence) {
        return confidence >= CONFIDENCE_GATE;
    }

    /** One controller step: writes the new eta1 and integral into the state. */
    static void adapt(GovernanceState state) {
        double voidError = TARGET_VOID_FREQUENCY - VoidDetector.recentVoidFrequency(state.vSeries());
        double coherenceError = state.coherence() - TARGET_COHERENCE;
        double proportional = KP * (VOID_WEIGHT * voidError + COHERENCE_WEIGHT * coherenceError);
        double integral = Bounds.clip(state.piIntegral() + voidError * INTEGRATION_STEP, -INTEGRAL_LIMIT, INTEGRAL_LIMIT);
        double integralTerm = KI * integral;
        double lambda1 = Bounds.clip(state.lambda1() + (proportional + integralTerm),
                Lambda1Mapping.LAMBDA1_MIN, Lambda1Mapping.LAMBDA1_MAX);
        state.applyControllerStep(Lambda1Mapping.toEta1(lambda1), integral);
    }
}
