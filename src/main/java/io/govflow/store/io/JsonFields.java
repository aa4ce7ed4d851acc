package io.govflow.store.io;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Typed reads of fields from files (a missing or null field takes the default; a value of the wrong type is a
 * {@link FileFormatException}) and the matching writes, so every codec maps shapes the same way.
 */
public final class JsonFields {

    private JsonFields() {
    }

    public static double number(ObjectNode o, String name, double fallback) {
        JsonNode n = present(o, name);
        if (n == null) {
            return fallback;
        }
        if (!n.isNumber()) {
            throw wrongType(name, "a number", n);
        }
        return n.doubleValue();
    }

    public static double requiredNumber(ObjectNode o, String name) {
        requirePresent(o, name);
        return number(o, name, 0.0);
    }

    public static long integer(ObjectNode o, String name, long fallback) {
        JsonNode n = present(o, name);
        if (n == null) {
            return fallback;
        }
        if (!n.isNumber() || !n.canConvertToExactIntegral() || !n.canConvertToLong()) {
            throw wrongType(name, "an integer", n);
        }
        return n.asLong();
    }

    public static long requiredInteger(ObjectNode o, String name) {
        requirePresent(o, name);
        return integer(o, name, 0);
    }

    public static boolean bool(ObjectNode o, String name, boolean fallback) {
        JsonNode n = present(o, name);
        if (n == null) {
            return fallback;
        }
        if (!n.isBoolean()) {
            throw wrongType(name, "a boolean", n);
        }
        return n.booleanValue();
    }

    public static boolean requiredBool(ObjectNode o, String name) {
        requirePresent(o, name);
        return bool(o, name, false);
    }

    public static String string(ObjectNode o, String name, String fallback) {
        String s = nullableString(o, name);
        return s == null ? fallback : s;
    }

    public static String requiredString(ObjectNode o, String name) {
        requirePresent(o, name);
        return string(o, name, "");
    }

    public static @Nullable String nullableString(ObjectNode o, String name) {
        JsonNode n = present(o, name);
        if (n == null) {
            return null;
        }
        if (!n.isString()) {
            throw wrongType(name, "a string", n);
        }
        return n.stringValue();
    }

    public static List<Double> numbers(ObjectNode o, String name) {
        ArrayNode array = array(o, name);
        if (array == null) {
            return List.of();
        }
        List<Double> values = new ArrayList<>(array.size());
        for (JsonNode element : array) {
            if (!element.isNumber()) {
                throw wrongType(name + "[]", "a number", element);
            }
            values.add(element.doubleValue());
        }
        return Collections.unmodifiableList(values);
    }

    public static List<String> strings(ObjectNode o, String name) {
        List<String> values = nullableStrings(o, name);
        return values == null ? List.of() : values;
    }

    public static @Nullable List<String> nullableStrings(ObjectNode o, String name) {
        ArrayNode array = array(o, name);
        if (array == null) {
            return null;
        }
        List<String> values = new ArrayList<>(array.size());
        for (JsonNode element : array) {
            if (!element.isString()) {
                throw wrongType(name + "[]", "a string", element);
            }
            values.add(element.stringValue());
        }
        return Collections.unmodifiableList(values);
    }

    public static @Nullable ArrayNode array(ObjectNode o, String name) {
        JsonNode n = present(o, name);
        if (n == null) {
            return null;
        }
        if (!n.isArray()) {
            throw wrongType(name, "an array", n);
        }
        return (ArrayNode) n;
    }

    public static @Nullable ObjectNode object(ObjectNode o, String name) {
        JsonNode n = present(o, name);
        if (n == null) {
            return null;
        }
        if (!n.isObject()) {
            throw wrongType(name, "an object", n);
        }
        return (ObjectNode) n;
    }

    /** The fields not in {@code known}, in file order (deep copies, so later edits of the tree do not leak). */
    public static Map<String, JsonNode> unknownFields(ObjectNode o, Set<String> known) {
        Map<String, JsonNode> unknown = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : o.properties()) {
            if (!known.contains(field.getKey())) {
                unknown.put(field.getKey(), field.getValue().deepCopy());
            }
        }
        return Collections.unmodifiableMap(unknown);
    }

    /** An unmodifiable copy preserving order, for records holding unknown fields. */
    public static Map<String, JsonNode> copyOf(Map<String, JsonNode> fields) {
        return fields.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    public static void putNumbers(ObjectNode o, String name, List<Double> values) {
        ArrayNode array = o.putArray(name);
        values.forEach(array::add);
    }

    public static void putStrings(ObjectNode o, String name, List<String> values) {
        ArrayNode array = o.putArray(name);
        values.forEach(array::add);
    }

    public static void putNullable(ObjectNode o, String name, @Nullable String value) {
        if (value == null) {
            o.putNull(name);
        } else {
            o.put(name, value);
        }
    }

    /** Appends the unknown fields after the documented ones; a documented name never comes back twice. */
    public static void putUnknown(ObjectNode o, Map<String, JsonNode> unknown) {
        unknown.forEach((name, value) -> {
            if (!o.has(name)) {
                o.set(name, value.deepCopy());
            }
        });
    }

    private static @Nullable JsonNode present(ObjectNode o, String name) {
        JsonNode n = o.get(name);
        return n == null || n.isNull() ? null : n;
    }

    private static void requirePresent(ObjectNode o, String name) {
        if (present(o, name) == null) {
            throw new FileFormatException("missing field '" + name + "'");
        }
    }

    private static FileFormatException wrongType(String name, String expected, JsonNode found) {
        return new FileFormatException("field '" + name + "' should be " + expected + ", found " + found.getNodeType());
    }
}
