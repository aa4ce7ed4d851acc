package io.govflow.web.update;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** One unit of work reported by an agent. Every field is optional; unknown fields are rejected. */
@Schema(name = "UpdateRequest")
public record UpdateRequest(
        @Schema(description = "How complex the work was, 0..1 (default 0.5)", example = "0.5")
        @DecimalMin("0.0") @DecimalMax("1.0") @Nullable Double complexity,
        @Schema(description = "The agent's confidence in its work, 0..1 (default 1.0)", example = "0.9")
        @DecimalMin("0.0") @DecimalMax("1.0") @Nullable Double confidence,
        @Schema(description = "Ethical drift vector: at most 16 numbers in [-1000, 1000] (bounds that keep every "
                + "engine step finite), the first 3 are used (default [0,0,0])", example = "[0.1, 0.0, 0.0]")
        @Size(max = 16) @Nullable List<@NotNull @Finite @DecimalMin("-1000.0") @DecimalMax("1000.0") Double>
                ethicalDrift,
        @Schema(description = "What the agent produced (at most 64 KiB)", example = "Refactored the export handler.")
        @Size(max = 65536) @Nullable String responseText,
        @Schema(description = "Legacy parameter vector; accepted and ignored", example = "[]")
        @Size(max = 128) @Nullable List<@NotNull @Finite Double> parameters,
        @Schema(description = "Write a history export when the update is significant", example = "false")
        @Nullable Boolean autoExportOnSignificance) {

    static UpdateRequest empty() {
        return new UpdateRequest(null, null, null, null, null, null);
    }
}
