package io.govflow.store.thresholds;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.govflow.store.io.JsonFields;

import tools.jackson.databind.JsonNode;

/**
 * The content of {@code thresholds.json}, in the file's field order ({@code risk_approve_threshold,
 * risk_revise_threshold, coherence_critical_threshold, void_threshold_initial, updated_at}), then unknown fields.
 * The store checks only the shape; the flow validates the values.
 */
public record ThresholdsFile(double riskApprove, double riskRevise, double coherenceCritical,
        double voidThresholdInitial, @Nullable String updatedAt, Map<String, JsonNode> unknownFields) {

    public ThresholdsFile {
        unknownFields = JsonFields.copyOf(unknownFields);
    }
}
