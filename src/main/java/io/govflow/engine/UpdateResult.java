package io.govflow.engine;

/**
 * The outcome of one governance cycle.
 *
 * @param rawS            S as the dynamics produced it, before the clip into [0,1]; informational
 * @param lambda1Before   λ1 before this update's controller step: the value recorded in the λ1 history
 * @param finalComplexity the complexity the traditional risk used (derived, or reconciled with the report)
 */
public record UpdateResult(String status, Decision decision, UpdateMetrics metrics, SamplingParams samplingParams,
                           double rawS, double lambda1Before, double finalComplexity) {
}
