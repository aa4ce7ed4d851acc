package io.govflow.flow.context;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The summary of a type without its own rule: each top-level scalar (strings cut to {@value #TEXT} characters),
 * each array as its count and first {@value #ITEMS} items, each object as its keys. The first
 * {@value #HINTS} top-level keys become the query hints.
 */
final class GenericSummary implements SummaryRule {

    static final int TEXT = 200;
    static final int ITEMS = 3;
    static final int KEYS = 50;
    static final int HINTS = 5;

    @Override
    public Summary summarize(ObjectNode d) {
        ObjectNode s = JsonBits.object();
        List<String> hints = new ArrayList<>();
        for (Map.Entry<String, JsonNode> property : d.properties()) {
            s.set(property.getKey(), digest(property.getValue()));
            if (hints.size() < HINTS) {
                hints.add(property.getKey());
            }
        }
        return new Summary(s, hints);
    }

    private static JsonNode digest(JsonNode value) {
        if (value.isArray()) {
            ObjectNode out = JsonBits.object();
            out.put("count", value.size());
            ArrayNode first = out.putArray("first");
            for (int i = 0; i < Math.min(ITEMS, value.size()); i++) {
                first.add(shallow(value.get(i)));
            }
            return out;
        }
        if (value.isObject()) {
            return keys(value);
        }
        return scalar(value);
    }

    /** An item of an array: scalars as they are (strings cut), containers by their shape only. */
    private static JsonNode shallow(JsonNode item) {
        if (item.isObject()) {
            return keys(item);
        }
        if (item.isArray()) {
            ObjectNode out = JsonBits.object();
            out.put("count", item.size());
            return out;
        }
        return scalar(item);
    }

    private static ObjectNode keys(JsonNode object) {
        ObjectNode out = JsonBits.object();
        ArrayNode names = out.putArray("keys");
        object.propertyNames().stream().limit(KEYS).forEach(names::add);
        if (object.size() > KEYS) {
            out.put("key_count", object.size());
        }
        return out;
    }

    private static JsonNode scalar(JsonNode value) {
        return value.isString() ? JsonBits.NODES.stringNode(JsonBits.cut(value.stringValue(), TEXT)) : value;
    }
}
