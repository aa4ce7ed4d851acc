package io.govflow.store.agent;

import java.util.Optional;

/** The lifecycle statuses of an agent, in the order reports list them. */
public enum AgentStatus implements StoredStatus {
    ACTIVE("active"),
    WAITING_INPUT("waiting_input"),
    PAUSED("paused"),
    ARCHIVED("archived"),
    DELETED("deleted");

    private final String word;

    AgentStatus(String word) {
        this.word = word;
    }

    @Override
    public String word() {
        return word;
    }

    /** The status spelled exactly {@code word}, if there is one. */
    public static Optional<AgentStatus> fromWord(String word) {
        for (AgentStatus status : values()) {
            if (status.word.equals(word)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return word;
    }
}
