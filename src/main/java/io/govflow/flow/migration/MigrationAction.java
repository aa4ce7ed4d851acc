package io.govflow.flow.migration;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One change migration made (or, in a dry run, would make).
 *
 * @param action {@code MOVE_LEGACY_STATE}, {@code SYNTHESIZE_UPDATE_LOG} or {@code HASH_KEYS}
 * @param file   the file written, relative to the data directory
 * @param detail action-specific numbers and names (e.g. {@code from}, {@code first_seq}, {@code keys})
 */
public record MigrationAction(String action, String file, @Nullable String agentId, Map<String, Object> detail) {

    public static final String MOVE_LEGACY_STATE = "MOVE_LEGACY_STATE";
    public static final String SYNTHESIZE_UPDATE_LOG = "SYNTHESIZE_UPDATE_LOG";
    public static final String HASH_KEYS = "HASH_KEYS";

    public MigrationAction {
        detail = Collections.unmodifiableMap(new LinkedHashMap<>(detail));
    }

    /** Detail entries in the order given: name, value, name, value, … */
    static Map<String, Object> detail(Object... namesAndValues) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            out.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return out;
    }
}
