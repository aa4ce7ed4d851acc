package io.govflow.web.error;

import io.govflow.error.GovflowException;

import org.springframework.http.HttpStatus;

/**
 * The envelope of a failure that does not travel through Spring MVC's exception handling (an MCP tool call): the
 * same mapping, wording and logging as {@link ApiExceptionHandler}, for the answer's body only.
 */
public final class ErrorEnvelopes {

    private ErrorEnvelopes() {
    }

    /**
     * Our own exceptions as thrown; binding and validation failures of a request body as REST reports them
     * ({@code VALIDATION_FAILED} with details.fields, {@code MALFORMED_JSON}); anything else {@code INTERNAL_ERROR}.
     */
    public static ErrorEnvelope of(Exception ex, String requestId) {
        if (ex instanceof GovflowException govflow) {
            ApiExceptionHandler.logFailure(govflow.code(), requestId, govflow);
            return ErrorResponses.envelope(govflow, requestId);
        }
        SpringErrorMapping.Mapped mapped = SpringErrorMapping.map(ex, HttpStatus.INTERNAL_SERVER_ERROR);
        ApiExceptionHandler.logFailure(mapped.code(), requestId, ex);
        return ErrorResponses.envelope(mapped.code(), mapped.message(), mapped.details(), requestId);
    }
}
