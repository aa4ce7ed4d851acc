package io.govflow.flow.dialectic;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.govflow.error.ErrorCode;
import io.govflow.error.GovflowException;

/** Size limits of what agents write into a session (the request bodies check the same with Bean Validation). */
public final class DialecticRules {

    public static final int MAX_REASON = 2_000;
    public static final int MAX_ROOT_CAUSE = 2_000;
    public static final int MAX_REASONING = 20_000;
    public static final int MAX_CONDITIONS = 20;
    public static final int MAX_CONDITION = 500;
    public static final int MAX_CONCERNS = 20;
    public static final int MAX_CONCERN = 1_000;

    private DialecticRules() {
    }

    static String text(String field, @Nullable String value, int max) {
        String text = value == null ? "" : value.strip();
        if (text.length() > max) {
            throw invalid(field, "at most " + max + " characters");
        }
        return text;
    }

    static void check(Move move) {
        text("root_cause", move.rootCause(), MAX_ROOT_CAUSE);
        text("reasoning", move.reasoning(), MAX_REASONING);
        list("proposed_conditions", move.proposedConditions(), MAX_CONDITIONS, MAX_CONDITION);
        list("concerns", move.concerns(), MAX_CONCERNS, MAX_CONCERN);
        if (move.observedMetrics() != null && !move.observedMetrics().isObject()) {
            throw invalid("observed_metrics", "must be an object");
        }
    }

    static GovflowException invalid(String field, String problem) {
        return GovflowException.withDetails(ErrorCode.VALIDATION_FAILED,
                Map.of("fields", List.of(Map.of("field", field, "problem", problem))));
    }

    private static void list(String field, @Nullable List<String> values, int maxItems, int maxLength) {
        if (values == null) {
            return;
        }
        if (values.size() > maxItems) {
            throw invalid(field, "at most " + maxItems + " entries");
        }
        for (String value : values) {
            if (value.isBlank() || value.length() > maxLength) {
                throw invalid(field, "entries are non-blank and at most " + maxLength + " characters");
            }
        }
    }
}
