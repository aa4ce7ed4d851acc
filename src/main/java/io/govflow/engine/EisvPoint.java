package io.govflow.engine;

/** One point of the E, I, S, V state space. */
record EisvPoint(double e, double i, double s, double v) {
}
