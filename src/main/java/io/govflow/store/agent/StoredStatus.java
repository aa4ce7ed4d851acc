package io.govflow.store.agent;

import java.util.Optional;

/**
 * The {@code status} field of a metadata record: one of the statuses the service writes ({@link AgentStatus}), or
 * a word an older writer left there ({@link LegacyStatus}), kept exactly as written so a rewrite of the file
 * does not change it.
 */
public sealed interface StoredStatus permits AgentStatus, LegacyStatus {

    /** The field's text, exactly as it is (or will be) in the file and in API answers. */
    String word();

    /** The known status this word names (same spelling), else the word kept as a legacy value. */
    static StoredStatus of(String word) {
        Optional<AgentStatus> known = AgentStatus.fromWord(word);
        return known.isPresent() ? known.get() : new LegacyStatus(word);
    }
}
