package io.govflow.web.agent;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** A resume: an optional reason and conditions, both recorded in the {@code resumed} lifecycle event. */
@Schema(name = "ResumeRequest")
public record ResumeRequest(
        @Schema(example = "Reviewed the last pause") @Size(max = 1024) @Nullable String reason,
        @Schema(example = "[\"keep complexity below 0.5 for the next 10 updates\"]")
        @Size(max = 20) @Nullable List<@NotBlank @Size(max = 500) String> conditions) {
}
