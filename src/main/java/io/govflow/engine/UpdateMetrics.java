package io.govflow.engine;

/**
 * The state and scores after one update.
 *
 * @param s                  S after the step, clipped into [0,1]
 * @param lambda1            λ1 after this update's controller step (if any)
 * @param updates            the update count after this update
 * @param lambda1Skipped     true when the controller was due but confidence was below 0.8
 * @param lambda1UpdateSkips how many controller runs were skipped so far (0 before the first skip)
 */
public record UpdateMetrics(double e, double i, double s, double v, double coherence, double lambda1,
                            double attentionScore, double phi, String verdict, boolean voidActive, double time,
                            long updates, double confidence, boolean lambda1Skipped, long lambda1UpdateSkips,
                            String healthStatus, String healthMessage) {
}
