package io.govflow.store.check;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * One finding. {@code code} is stable UPPER_SNAKE; {@code message} is a fixed sentence filled only with
 * numbers, field names and ids that passed validation (never file content or exception text).
 */
public record Problem(String code, Severity severity, String message) {

    public static Problem error(String code, String message) {
        return new Problem(code, Severity.ERROR, message);
    }

    public static Problem warning(String code, String message) {
        return new Problem(code, Severity.WARNING, message);
    }

    @JsonIgnore
    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
