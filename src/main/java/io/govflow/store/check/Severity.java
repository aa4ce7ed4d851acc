package io.govflow.store.check;

import com.fasterxml.jackson.annotation.JsonValue;

/** An error makes a file or an agent not ok; a warning is reported and allowed. */
public enum Severity {
    ERROR,
    WARNING;

    @JsonValue
    public String wire() {
        return this == ERROR ? "error" : "warning";
    }
}
