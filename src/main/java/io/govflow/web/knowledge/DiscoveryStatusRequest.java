package io.govflow.web.knowledge;

import io.govflow.flow.knowledge.DiscoveryRules;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** A status change of a discovery, with an optional note appended to its details. */
@Schema(name = "DiscoveryStatusRequest")
public record DiscoveryStatusRequest(
        @Schema(description = "open, resolved, archived or disputed", example = "resolved")
        @NotNull @Pattern(regexp = DiscoveryRules.STATUS_PATTERN) String status,
        @Schema(description = "At most 2000 characters", example = "Fixed by the streaming writer.")
        @Size(max = DiscoveryRules.MAX_NOTE) @Nullable String note) {
}
