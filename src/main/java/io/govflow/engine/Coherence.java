package io.govflow.engine;

/** Coherence C(V) = Cmax · ½ · (1 + tanh(C1 · V)), with Cmax = 1. */
final class Coherence {

    private static final double C_MAX = 1.0;

    private Coherence() {
    }

    static double of(double v, double c1) {
        return C_MAX * 0.5 * (1.0 + StrictMath.tanh(c1 * v));
    }

    static double clipped(double v, double c1) {
        return Bounds.clip(of(v, c1), 0.0, 1.0);
    }
}
