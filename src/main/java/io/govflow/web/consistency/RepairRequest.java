package io.govflow.web.consistency;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** {@code POST /api/v1/maintenance/repair}. */
public record RepairRequest(
        @Schema(description = "Repair only this agent; omit for every agent") @Nullable String agentId,
        @Schema(description = "Only report what would be done", defaultValue = "false") @Nullable Boolean dryRun) {
}
