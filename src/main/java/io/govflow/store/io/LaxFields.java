package io.govflow.store.io;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The fields of one JSON object that were stored with a type other than the documented one and read leniently:
 * for each, the value as stored and the documented form it was read as. Writing the object again puts the stored
 * value back wherever Govflow left the field as read, so a rewrite never changes what the reference wrote.
 */
public record LaxFields(Map<String, StoredValue> byName) {

    public static final LaxFields NONE = new LaxFields(Map.of());

    /** One field: {@code stored} as in the file, {@code read} the documented form Govflow uses and writes. */
    public record StoredValue(JsonNode stored, JsonNode read, String storedType) {
    }

    public LaxFields {
        byName = byName.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(byName));
    }

    public boolean isEmpty() {
        return byName.isEmpty();
    }

    public Set<String> names() {
        return byName.keySet();
    }

    /** The fields stored with another JSON type (not those only read from an older name), with that type. */
    public Map<String, String> storedTypes() {
        Map<String, String> types = new LinkedHashMap<>();
        byName.forEach((name, value) -> {
            if (!value.stored().isMissingNode()) {
                types.put(name, value.storedType());
            }
        });
        return types;
    }

    /** Puts each stored value back into {@code written} where the field still holds what was read from it. */
    public void restore(ObjectNode written) {
        byName.forEach((name, value) -> {
            JsonNode now = written.get(name);
            boolean unchanged = now == null ? value.read().isNull() : now.equals(value.read());
            if (unchanged && value.stored().isMissingNode()) {
                written.remove(name);
            } else if (unchanged) {
                written.set(name, value.stored().deepCopy());
            }
        });
    }
}
