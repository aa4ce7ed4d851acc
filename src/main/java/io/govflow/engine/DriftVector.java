package io.govflow.engine;

/** The ethical drift Δη as used by the maths: the first three components, zero-padded, non-finite as 0. */
final class DriftVector {

    private static final int DIMENSIONS = 3;

    private final double[] components;

    private DriftVector(double[] components) {
        this.components = components;
    }

    static DriftVector of(double[] raw) {
        double[] components = new double[DIMENSIONS];
        for (int index = 0; index < Math.min(DIMENSIONS, raw.length); index++) {
            components[index] = Double.isFinite(raw[index]) ? raw[index] : 0.0;
        }
        return new DriftVector(components);
    }

    static DriftVector zero() {
        return new DriftVector(new double[DIMENSIONS]);
    }

    /** ‖Δη‖, the L2 norm. */
    double norm() {
        double sumOfSquares = 0.0;
        for (double component : components) {
            sumOfSquares += component * component;
        }
        return Math.sqrt(sumOfSquares);
    }

    /** ‖Δη‖², squared from the norm (not the plain sum of squares), as the reference rounds it. */
    double squaredNorm() {
        double norm = norm();
        return norm * norm;
    }
}
