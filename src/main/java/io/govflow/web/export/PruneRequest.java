package io.govflow.web.export;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

/** {@code POST /api/v1/maintenance/exports/prune}. */
public record PruneRequest(
        @Schema(description = "Remove files last written more than this many days ago", example = "90")
        @NotNull @Min(1) @Max(36_500) Integer olderThanDays,
        @Schema(description = "Only this agent's files (the agent the document names); all agents when absent",
                example = "scout_20251201")
        @Nullable String agentId,
        @Schema(description = "Report what would be removed without removing it", defaultValue = "true")
        @Nullable Boolean dryRun) {
}
