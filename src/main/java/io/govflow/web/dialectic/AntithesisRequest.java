package io.govflow.web.dialectic;

import java.util.List;
import java.util.Map;

import io.govflow.flow.dialectic.DialecticRules;
import io.govflow.flow.dialectic.Move;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/** The reviewer's answer: what it observes and what concerns it. */
@Schema(name = "AntithesisRequest")
public record AntithesisRequest(
        @Schema(description = "Any metrics the reviewer looked at, as a JSON object")
        @Nullable Map<String, Object> observedMetrics,
        @Schema(example = "[\"Attention is still above 0.5\"]")
        @Size(max = DialecticRules.MAX_CONCERNS)
        @Nullable List<@NotBlank @Size(max = DialecticRules.MAX_CONCERN) String> concerns,
        @Schema(example = "The account is plausible, but the agent should slow down")
        @Size(max = DialecticRules.MAX_REASONING) @Nullable String reasoning) {

    Move toMove() {
        return new Move(null, null, reasoning,
                observedMetrics == null ? null : JsonMapper.shared().valueToTree(observedMetrics), concerns, null);
    }
}
