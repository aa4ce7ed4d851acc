package io.govflow.flow.context;

import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Step 1 of the write pipeline, on a copy: a block must be an object; nulls inside objects are dropped (nulls
 * in arrays keep their position); strings are stripped of surrounding white space; non-finite numbers are
 * refused.
 */
final class Normalizer {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Normalizer() {
    }

    static ObjectNode normalizeBlock(JsonNode block, String field) {
        if (!block.isObject()) {
            throw FieldErrors.invalid(field, "must be a JSON object");
        }
        return (ObjectNode) normalize(block, field);
    }

    private static JsonNode normalize(JsonNode node, String field) {
        if (node.isObject()) {
            ObjectNode out = NODES.objectNode();
            for (Map.Entry<String, JsonNode> property : node.properties()) {
                if (!property.getValue().isNull()) {
                    out.set(property.getKey(), normalize(property.getValue(), field));
                }
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = NODES.arrayNode(node.size());
            for (JsonNode item : node) {
                out.add(normalize(item, field));
            }
            return out;
        }
        if (node.isString()) {
            return NODES.stringNode(node.stringValue().strip());
        }
        if (node.isFloatingPointNumber() && !Double.isFinite(node.doubleValue())) {
            throw FieldErrors.invalid(field, "contains a number that is not finite");
        }
        return node;
    }
}
