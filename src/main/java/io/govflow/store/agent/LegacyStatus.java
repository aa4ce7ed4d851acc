package io.govflow.store.agent;

import java.util.Objects;

/**
 * A status word that is none of the {@link AgentStatus} values: older reference versions wrote health labels
 * such as {@code moderate} there, and a reference file may hold any string. Read, served and written back as it
 * is; the service never writes a new one.
 */
public record LegacyStatus(String word) implements StoredStatus {

    /** Health labels older reference versions stored as the status. */
    public static final LegacyStatus MODERATE = new LegacyStatus("moderate");
    public static final LegacyStatus DEGRADED = new LegacyStatus("degraded");

    public LegacyStatus {
        Objects.requireNonNull(word, "word");
        if (AgentStatus.fromWord(word).isPresent()) {
            throw new IllegalArgumentException("'" + word + "' is a known status, not a legacy one");
        }
    }

    @Override
    public String toString() {
        return word;
    }
}
