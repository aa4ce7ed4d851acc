package io.govflow.web.dialectic;

import java.util.List;

import io.govflow.flow.dialectic.DialecticRules;
import io.govflow.flow.dialectic.Move;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** A proposal in the negotiation; agrees = true accepts the other side's latest proposal. */
@Schema(name = "SynthesisRequest")
public record SynthesisRequest(
        @Schema(example = "Acted on stale tool output")
        @Size(max = DialecticRules.MAX_ROOT_CAUSE) @Nullable String rootCause,
        @Schema(example = "[\"Verify tool output before acting\"]")
        @Size(max = DialecticRules.MAX_CONDITIONS)
        @Nullable List<@NotBlank @Size(max = DialecticRules.MAX_CONDITION) String> proposedConditions,
        @Schema(example = "Agreed: verification first")
        @Size(max = DialecticRules.MAX_REASONING) @Nullable String reasoning,
        @Schema(description = "Whether this side accepts", example = "true")
        @NotNull Boolean agrees) {

    Move toMove() {
        return new Move(rootCause, proposedConditions, reasoning, null, null, agrees);
    }
}
