package io.govflow.flow.context;

import java.util.Locale;

/** Which source served a read; reported in lower case in the body and in {@code X-Context-Source}. */
public enum ContextSourceKind {
    FLAT_FILE, CANONICAL_STORE, SEMANTIC;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
