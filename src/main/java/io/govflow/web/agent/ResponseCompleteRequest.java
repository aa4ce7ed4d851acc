package io.govflow.web.agent;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** The agent finished a response; the summary is recorded in the lifecycle event. */
@Schema(name = "ResponseCompleteRequest")
public record ResponseCompleteRequest(
        @Schema(example = "Delivered the summary of three papers") @Size(max = 4096) @Nullable String summary) {
}
