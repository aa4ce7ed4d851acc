package io.govflow.store.agent;

/**
 * The decision thresholds an update was decided with, as its log line records them ({@code thresholds}, only
 * when they differ from the defaults), so an idempotent replay rebuilds the first answer's texts.
 */
public record LoggedThresholds(double riskApprove, double riskRevise, double coherenceCritical,
        double voidThresholdInitial) {
}
