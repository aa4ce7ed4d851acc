package io.govflow.flow.migration;

/**
 * One finding of a report: a stable code, {@code error} or {@code warning}, and a sentence for people.
 * {@code STATE_MISSING}, {@code ORPHAN_STATE} and {@code HISTORY_INCOMPLETE} are always warnings.
 */
public record Problem(String code, String severity, String message) {

    public static final String ERROR = "error";
    public static final String WARNING = "warning";

    public static Problem warning(String code, String message) {
        return new Problem(code, WARNING, message);
    }

    public static Problem error(String code, String message) {
        return new Problem(code, ERROR, message);
    }
}
