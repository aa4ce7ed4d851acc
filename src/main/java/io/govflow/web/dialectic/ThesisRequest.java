package io.govflow.web.dialectic;

import java.util.List;

import io.govflow.flow.dialectic.DialecticRules;
import io.govflow.flow.dialectic.Move;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** The paused agent's account: what went wrong and the conditions under which it would continue. */
@Schema(name = "ThesisRequest")
public record ThesisRequest(
        @Schema(example = "A failing tool returned stale data and I acted on it")
        @Size(max = DialecticRules.MAX_ROOT_CAUSE) @Nullable String rootCause,
        @Schema(example = "[\"Verify tool output before acting\", \"Reduce complexity of the next tasks\"]")
        @Size(max = DialecticRules.MAX_CONDITIONS)
        @Nullable List<@NotBlank @Size(max = DialecticRules.MAX_CONDITION) String> proposedConditions,
        @Schema(example = "The drift was caused by one bad input, not by my goals")
        @Size(max = DialecticRules.MAX_REASONING) @Nullable String reasoning) {

    Move toMove() {
        return new Move(rootCause, proposedConditions, reasoning, null, null, null);
    }
}
