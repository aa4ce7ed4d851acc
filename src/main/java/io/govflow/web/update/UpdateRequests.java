package io.govflow.web.update;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.govflow.error.ErrorCode;
import io.govflow.error.GovflowException;
import io.govflow.flow.update.UpdateCommand;
import org.jspecify.annotations.Nullable;

/** Turns validated request bodies and headers into flow commands, applying the documented defaults. */
final class UpdateRequests {

    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7E]{1,128}");

    private UpdateRequests() {
    }

    static UpdateCommand toCommand(@Nullable UpdateRequest body) {
        UpdateRequest request = body == null ? UpdateRequest.empty() : body;
        return new UpdateCommand(
                request.complexity() == null ? UpdateCommand.DEFAULT_COMPLEXITY : request.complexity(),
                request.confidence() == null ? UpdateCommand.DEFAULT_CONFIDENCE : request.confidence(),
                toArray(request.ethicalDrift()),
                request.responseText() == null ? "" : request.responseText(),
                Boolean.TRUE.equals(request.autoExportOnSignificance()));
    }

    static @Nullable String idempotencyKey(@Nullable String header) {
        if (header == null) {
            return null;
        }
        if (!IDEMPOTENCY_KEY.matcher(header).matches()) {
            throw GovflowException.withDetails(ErrorCode.VALIDATION_FAILED, Map.of("fields",
                    List.of(Map.of("field", "Idempotency-Key", "problem", "must be 1 to 128 printable ASCII characters"))));
        }
        return header;
    }

    private static double[] toArray(@Nullable List<Double> values) {
        if (values == null) {
            return new double[0];
        }
        double[] out = new double[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i);
        }
        return out;
    }
}
