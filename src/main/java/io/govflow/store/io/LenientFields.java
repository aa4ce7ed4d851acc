package io.govflow.store.io;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.MissingNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads the fields of one object whose type the reference never enforced, accepting every JSON type that carries
 * the same information: a number or boolean where text is documented is read as its text, an object or array as
 * its compact JSON, a single value where a list of strings is documented as a one-element list, and {@code null}
 * as the empty list or absent text. Each such field is remembered in {@link #lax()} (the value as stored and as
 * read), so it can be reported ({@code LEGACY_FIELD_TYPE}) and written back unchanged.
 */
public final class LenientFields {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ObjectNode object;
    private final Map<String, LaxFields.StoredValue> lax = new LinkedHashMap<>();

    public LenientFields(ObjectNode object) {
        this.object = object;
    }

    /** Documented as a string or null: null or absent is null, any other value is its text. */
    public @Nullable String nullableText(String name) {
        JsonNode n = object.get(name);
        if (n == null || n.isNull()) {
            return null;
        }
        String text = textOf(n);
        if (!n.isString()) {
            remember(name, n, NODES.stringNode(text));
        }
        return text;
    }

    /** Documented as a string with a default: null (or absent) is the default, any other value is its text. */
    public String text(String name, String fallback) {
        JsonNode n = object.get(name);
        if (n == null) {
            return fallback;
        }
        if (n.isNull()) {
            remember(name, n, NODES.stringNode(fallback));
            return fallback;
        }
        return nullableText(name);
    }

    /** Documented as a list of strings: null or absent is empty, one value is a one-element list. */
    public List<String> strings(String name) {
        List<String> values = nullableStrings(name);
        if (values == null) {
            if (object.has(name)) {
                remember(name, object.get(name), NODES.arrayNode());
            }
            return List.of();
        }
        return values;
    }

    /** Documented as a list of strings or null: one value is a one-element list, other elements their text. */
    public @Nullable List<String> nullableStrings(String name) {
        JsonNode n = object.get(name);
        if (n == null || n.isNull()) {
            return null;
        }
        List<String> values = new ArrayList<>();
        boolean exact = n.isArray();
        if (n.isArray()) {
            for (JsonNode element : n) {
                exact &= element.isString();
                values.add(textOf(element));
            }
        } else {
            values.add(textOf(n));
        }
        if (!exact) {
            ArrayNode read = NODES.arrayNode();
            values.forEach(read::add);
            remember(name, n, read);
        }
        return Collections.unmodifiableList(values);
    }

    /**
     * Documented as an object or null: anything else carries no usable structure, so it is read as null (the file
     * stays readable; a computation needing the object reports the problem).
     */
    public @Nullable ObjectNode nullableObject(String name) {
        JsonNode n = object.get(name);
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isObject()) {
            return (ObjectNode) n;
        }
        remember(name, n, NODES.nullNode());
        return null;
    }

    /** Documented as a boolean or null: a number is true when non-zero, a text "true"/"false" its word. */
    public @Nullable Boolean nullableBoolean(String name) {
        JsonNode n = object.get(name);
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isBoolean()) {
            return n.booleanValue();
        }
        Boolean read = null;
        if (n.isNumber()) {
            read = n.doubleValue() != 0;
        } else if (n.isString() && (n.stringValue().equalsIgnoreCase("true")
                || n.stringValue().equalsIgnoreCase("false"))) {
            read = Boolean.valueOf(n.stringValue().toLowerCase(Locale.ROOT));
        }
        remember(name, n, read == null ? NODES.nullNode() : NODES.booleanNode(read));
        return read;
    }

    /** A value of no documented type that Govflow reads as null but keeps in the file as stored. */
    public void keep(String name, JsonNode stored) {
        remember(name, stored, NODES.nullNode());
    }

    /**
     * A documented field read from an older name: {@code name} is absent from the file and stays absent while
     * Govflow leaves the value as read from {@code oldName} (which is kept as an unknown field).
     */
    public String fromOldName(String name, String oldName) {
        JsonNode old = object.get(oldName);
        String text = old == null || old.isNull() ? "" : textOf(old);
        lax.put(name, new LaxFields.StoredValue(MissingNode.getInstance(),
                NODES.stringNode(text), "absent, read from '" + oldName + "'"));
        return text;
    }

    /** The fields read with a type other than the documented one. */
    public LaxFields lax() {
        return lax.isEmpty() ? LaxFields.NONE : new LaxFields(lax);
    }

    /** The JSON type name used in reports: string, number, boolean, object, array or null. */
    public static String typeName(JsonNode n) {
        return n.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    private void remember(String name, JsonNode stored, JsonNode read) {
        lax.put(name, new LaxFields.StoredValue(stored.deepCopy(), read, typeName(stored)));
    }

    private static String textOf(JsonNode n) {
        if (n.isString()) {
            return n.stringValue();
        }
        if (n.isNull()) {
            return "null";
        }
        return n.isValueNode() ? n.asString() : n.toString();
    }
}
