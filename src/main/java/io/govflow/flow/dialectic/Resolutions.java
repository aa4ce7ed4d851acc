package io.govflow.flow.dialectic;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.govflow.error.ErrorCode;
import io.govflow.flow.dialectic.HardLimits.Violation;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code resolution} object of a session file: the reference's {@code action, conditions, root_cause,
 * reasoning, signature_a, signature_b, timestamp}; a blocked one adds {@code reason} and {@code violation}
 * ({@code error_code HARD_LIMIT_VIOLATION}, the rule and why).
 */
final class Resolutions {

    private Resolutions() {
    }

    static ObjectNode of(String action, Proposals.Merged merged, String signatureA, String signatureB,
            String timestamp, @Nullable Violation violation) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("action", action);
        o.set("conditions", strings(merged.conditions()));
        o.put("root_cause", merged.rootCause());
        o.put("reasoning", merged.reasoning());
        o.put("signature_a", signatureA);
        o.put("signature_b", signatureB);
        o.put("timestamp", timestamp);
        if (violation != null) {
            o.put("reason", violation.reason());
            ObjectNode v = o.putObject("violation");
            v.put("error_code", ErrorCode.HARD_LIMIT_VIOLATION.name());
            v.put("rule", violation.rule());
            v.put("reason", violation.reason());
        }
        return o;
    }

    /** The action of a stored resolution, when it has one. */
    static @Nullable String action(@Nullable ObjectNode resolution) {
        if (resolution == null) {
            return null;
        }
        JsonNode action = resolution.get("action");
        return action != null && action.isString() ? action.stringValue() : null;
    }

    static ArrayNode strings(List<String> values) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        values.forEach(array::add);
        return array;
    }
}
