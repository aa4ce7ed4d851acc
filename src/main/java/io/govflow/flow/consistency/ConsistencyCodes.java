package io.govflow.flow.consistency;

import java.util.Set;

/** The problem codes of the consistency report. */
final class ConsistencyCodes {

    static final String LOG_TORN_TAIL = "LOG_TORN_TAIL";
    static final String LOG_CORRUPT = "LOG_CORRUPT";
    static final String LOG_NOT_CONTIGUOUS = "LOG_NOT_CONTIGUOUS";
    static final String LOG_MISSING = "LOG_MISSING";
    static final String HISTORY_INCOMPLETE = "HISTORY_INCOMPLETE";
    static final String STATE_CORRUPT = "STATE_CORRUPT";
    static final String STATE_MISSING = "STATE_MISSING";
    static final String STATE_AHEAD_OF_LOG = "STATE_AHEAD_OF_LOG";
    static final String STATE_ARRAYS_LENGTH = "STATE_ARRAYS_LENGTH";
    static final String LAMBDA1_HISTORY_SHORT = "LAMBDA1_HISTORY_SHORT";
    static final String STATE_WINDOW_EXCEEDED = "STATE_WINDOW_EXCEEDED";
    static final String STATE_TIMESTAMP_NOT_ISO = "STATE_TIMESTAMP_NOT_ISO";
    static final String STATE_VALUE_OUT_OF_RANGE = "STATE_VALUE_OUT_OF_RANGE";
    static final String HISTORY_VALUE_OUT_OF_RANGE = "HISTORY_VALUE_OUT_OF_RANGE";
    static final String NON_FINITE_NUMBER = "NON_FINITE_NUMBER";
    static final String LOG_NON_FINITE_NUMBER = "LOG_NON_FINITE_NUMBER";
    /** A checkpoint (state file, metadata record) behind its update log: a warning, the log holds the truth. */
    static final String CHECKPOINT_LAG = "CHECKPOINT_LAG";
    /** total_updates matches the log but last_update does not. */
    static final String METADATA_BEHIND_LOG = "METADATA_BEHIND_LOG";
    static final String METADATA_AHEAD_OF_LOG = "METADATA_AHEAD_OF_LOG";
    static final String METADATA_STATE_MISMATCH = "METADATA_STATE_MISMATCH";
    static final String METADATA_INVALID = "METADATA_INVALID";
    static final String METADATA_CORRUPT = "METADATA_CORRUPT";
    static final String KEY_NOT_HASHED = "KEY_NOT_HASHED";
    static final String NO_API_KEY = "NO_API_KEY";
    static final String ORPHAN_STATE = "ORPHAN_STATE";
    static final String ORPHAN_LOG = "ORPHAN_LOG";
    static final String ORPHAN_LOCK_FILE = "ORPHAN_LOCK_FILE";
    static final String LEGACY_STATE_FILE = "LEGACY_STATE_FILE";
    static final String TEMP_FILE = "TEMP_FILE";
    /** A field stored with another JSON type than the documented one, read leniently and kept as stored. */
    static final String LEGACY_FIELD_TYPE = "LEGACY_FIELD_TYPE";
    /** One agent's record in the metadata file cannot be read: only that agent is unavailable. */
    static final String METADATA_RECORD_CORRUPT = "METADATA_RECORD_CORRUPT";
    /** A dialectic session or knowledge-graph node that cannot be read (the file's other content is served). */
    static final String RECORD_CORRUPT = "RECORD_CORRUPT";
    /** A dialectic message signed with a key Govflow never held (a reference session): it cannot be checked. */
    static final String SIGNATURE_UNVERIFIABLE = "SIGNATURE_UNVERIFIABLE";
    /** A dialectic message whose signature does not match it: the session's resolution is never applied. */
    static final String SIGNATURE_INVALID = "SIGNATURE_INVALID";

    /** What a reference data directory did not keep, and agent files that cannot be read: migration reports these. */
    static final Set<String> REFERENCE_DATA = Set.of(STATE_MISSING, ORPHAN_STATE, ORPHAN_LOG, HISTORY_INCOMPLETE,
            STATE_CORRUPT, LOG_CORRUPT, LEGACY_FIELD_TYPE, METADATA_RECORD_CORRUPT, SIGNATURE_UNVERIFIABLE);

    private ConsistencyCodes() {
    }
}
