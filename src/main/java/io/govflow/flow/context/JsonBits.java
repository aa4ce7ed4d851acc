package io.govflow.flow.context;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Small tree helpers shared by the summary rules. */
final class JsonBits {

    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonBits() {
    }

    /** The first present, non-null field among the names (snake and camel spellings). */
    static @Nullable JsonNode field(@Nullable JsonNode object, String... names) {
        if (object == null || !object.isObject()) {
            return null;
        }
        for (String name : names) {
            JsonNode value = object.get(name);
            if (value != null && !value.isNull()) {
                return value;
            }
        }
        return null;
    }

    static String text(@Nullable JsonNode node, int maxChars) {
        if (node == null || node.isNull() || node.isContainer()) {
            return "";
        }
        return cut(node.asString(), maxChars);
    }

    static String cut(String text, int maxChars) {
        if (text.codePointCount(0, text.length()) <= maxChars) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, maxChars));
    }

    /** A list from a value: null → empty, array → itself, object → its keys, scalar → one string. */
    static List<JsonNode> listOf(@Nullable JsonNode node) {
        List<JsonNode> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (node.isArray()) {
            node.forEach(out::add);
        } else if (node.isObject()) {
            node.propertyNames().forEach(name -> out.add(NODES.stringNode(name)));
        } else {
            out.add(NODES.stringNode(node.asString()));
        }
        return out;
    }

    /** Strings of the first {@code max} items, each cut to {@code maxChars}; blanks and containers skipped. */
    static ArrayNode texts(List<JsonNode> items, int max, int maxChars) {
        ArrayNode out = NODES.arrayNode();
        for (JsonNode item : items) {
            if (out.size() >= max) {
                break;
            }
            String text = text(item, maxChars);
            if (!text.isBlank()) {
                out.add(text);
            }
        }
        return out;
    }

    static boolean flag(@Nullable JsonNode node, boolean fallback) {
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isNumber()) {
            return node.doubleValue() != 0;
        }
        if (node.isString()) {
            return !node.stringValue().isEmpty() && !"false".equalsIgnoreCase(node.stringValue());
        }
        return node.size() > 0;
    }

    static ObjectNode object() {
        return NODES.objectNode();
    }
}
