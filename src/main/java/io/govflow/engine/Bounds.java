package io.govflow.engine;

final class Bounds {

    private Bounds() {
    }

    static double clip(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }
}
