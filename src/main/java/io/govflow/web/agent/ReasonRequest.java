package io.govflow.web.agent;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** An optional reason, recorded in the lifecycle event. */
@Schema(name = "ReasonRequest")
public record ReasonRequest(
        @Schema(example = "Project finished") @Size(max = 1024) @Nullable String reason) {
}
