package io.govflow.flow.maintenance;

import io.govflow.config.GovflowProperties;
import io.govflow.error.ErrorCode;
import io.govflow.error.GovflowException;

/**
 * Which store the service runs on, for the operations that only make sense on files (lock files, torn tails,
 * quarantine, a reference data directory migrated in place). On PostgreSQL they answer {@code FILE_STORE_ONLY}
 * instead of working on a data directory that holds none of the service's data.
 */
public record StoreKind(String name) {

    public static final String POSTGRES = "postgres";

    public static StoreKind of(GovflowProperties properties) {
        return new StoreKind(properties.store().kind());
    }

    /** The agents' data is kept as files in the data directory (the file store, or the memory store's locks). */
    public boolean usesDataDirectory() {
        return !POSTGRES.equals(name);
    }

    /** {@code FILE_STORE_ONLY} when the data is in PostgreSQL. */
    public void requireDataDirectory() {
        if (!usesDataDirectory()) {
            throw new GovflowException(ErrorCode.FILE_STORE_ONLY);
        }
    }
}
