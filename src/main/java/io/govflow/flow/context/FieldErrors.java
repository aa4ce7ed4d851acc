package io.govflow.flow.context;

import java.util.List;
import java.util.Map;

import io.govflow.error.ErrorCode;
import io.govflow.error.GovflowException;

/** {@code VALIDATION_FAILED} with {@code details.fields = [{field, problem}]}, as the web layer reports it. */
final class FieldErrors {

    private FieldErrors() {
    }

    static GovflowException invalid(String field, String problem) {
        return GovflowException.withDetails(ErrorCode.VALIDATION_FAILED,
                Map.of("fields", List.of(Map.of("field", field, "problem", problem))));
    }
}
