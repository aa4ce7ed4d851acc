package io.govflow.web.dialectic;

import io.govflow.flow.dialectic.DialecticRules;
import io.govflow.flow.dialectic.SessionRequest;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** A request for peer review by the (paused or stuck) agent itself. */
@Schema(name = "ReviewRequest")
public record ReviewRequest(
        @Schema(description = "The requesting agent; the request must carry its key", example = "scout_20251201")
        @NotNull String agentId,
        @Schema(description = "Why a review is needed (at most 2000 characters)",
                example = "Paused after a high-risk update; the drift came from a bad tool result")
        @Size(max = DialecticRules.MAX_REASON) @Nullable String reason,
        @Schema(description = "A reviewer to ask; chosen by authority score when absent", example = "auditor_01")
        @Nullable String reviewerAgentId,
        @Schema(description = "Dispute this discovery instead; its owner reviews",
                example = "2025-12-01T15:12:45.585896")
        @Size(max = 64) @Nullable String discoveryId,
        @Schema(description = "dispute (default), correction or verification", example = "correction")
        @Pattern(regexp = "dispute|correction|verification") @Nullable String disputeType,
        @Schema(description = "Synthesis messages allowed before escalation, 1..10 (default 5)", example = "5")
        @Min(1) @Max(10) @Nullable Integer maxSynthesisRounds) {

    SessionRequest toRequest() {
        return new SessionRequest(agentId, reason, reviewerAgentId, discoveryId, disputeType, maxSynthesisRounds);
    }
}
