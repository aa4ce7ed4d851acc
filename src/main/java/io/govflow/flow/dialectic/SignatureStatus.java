package io.govflow.flow.dialectic;

import com.fasterxml.jackson.annotation.JsonValue;

/** What checking a stored transcript message's signature found. */
public enum SignatureStatus {
    /** Signed by this server over the message as stored. */
    VALID,
    /** Signed, but the message (or its signature) was changed afterwards: no resolution is applied. */
    INVALID,
    /** No signature Govflow can check (reference sessions were signed with agent keys it never held). */
    UNVERIFIABLE;

    @JsonValue
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
