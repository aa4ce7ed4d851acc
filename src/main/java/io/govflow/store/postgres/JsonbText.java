package io.govflow.store.postgres;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Which JSON texts PostgreSQL's {@code jsonb} can hold. It refuses the escape {@code \u0000} and unpaired surrogate
 * escapes, both valid JSON that clients may send and the file store keeps; documents are therefore stored as their
 * exact text, with the jsonb copy (for queries) left NULL when it cannot be made.
 */
public final class JsonbText {

    /** {@code \u0000}, or any surrogate escape: Jackson writes paired ones as characters, so these are lone. */
    private static final Pattern UNSUPPORTED = Pattern.compile("\\\\u(0000|[dD][89a-fA-F][0-9a-fA-F]{2})");

    private JsonbText() {
    }

    /** The text for the jsonb column, or null when jsonb cannot hold it. */
    public static @Nullable String jsonbOrNull(String json) {
        return json.indexOf("\\u") >= 0 && UNSUPPORTED.matcher(json).find() ? null : json;
    }
}
