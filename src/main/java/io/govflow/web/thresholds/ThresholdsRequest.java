package io.govflow.web.thresholds;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;

/** All four runtime thresholds (a full replacement); each in [0, 1], approve below revise. */
@Schema(name = "ThresholdsRequest")
public record ThresholdsRequest(
        @Schema(description = "Attention below this proceeds without guidance", example = "0.35")
        @NotNull @DecimalMin("0") @DecimalMax("1") Double riskApproveThreshold,
        @Schema(description = "Attention at or above this pauses", example = "0.6")
        @NotNull @DecimalMin("0") @DecimalMax("1") Double riskReviseThreshold,
        @Schema(description = "Coherence below this pauses", example = "0.4")
        @NotNull @DecimalMin("0") @DecimalMax("1") Double coherenceCriticalThreshold,
        @Schema(description = "|V| above this is a void while fewer than ten V values are recorded", example = "0.15")
        @NotNull @DecimalMin("0") @DecimalMax("1") Double voidThresholdInitial) {
}
