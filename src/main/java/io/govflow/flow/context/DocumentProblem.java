package io.govflow.flow.context;

import java.util.Locale;

/** Why a stored document was not served as fresh; reported to clients in lower case. */
public enum DocumentProblem {
    /** No file. */
    MISSING,
    /** Not parseable JSON, or not an object. */
    CORRUPT,
    /** One of {@code v, t, u, ts, d} missing or of the wrong type. */
    MISSING_FIELDS,
    /** {@code v} is neither the current nor the previous schema version. */
    UNSUPPORTED_VERSION,
    /** {@code u} is not the tenant whose directory holds the file. */
    TENANT_MISMATCH,
    /** {@code t} is not the type the file is named after. */
    TYPE_MISMATCH,
    /** {@code ts} is not a timestamp. */
    INVALID_TIMESTAMP,
    /** {@code m.h} does not match {@code d}: edited on disk or damaged. */
    HASH_MISMATCH,
    /** Older than its {@code m.ttl_s}. */
    EXPIRED,
    /** A service-maintained document older than its source. */
    SOURCE_CHANGED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
