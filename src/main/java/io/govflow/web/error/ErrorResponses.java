package io.govflow.web.error;

import java.util.Map;

import io.govflow.error.ErrorCode;
import io.govflow.error.GovflowException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Builds envelopes and the responses that carry them. The single place that knows the envelope's rules. */
public final class ErrorResponses {

    public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

    private ErrorResponses() {
    }

    public static ErrorEnvelope envelope(ErrorCode code, String message, Map<String, Object> details,
            String requestId) {
        return new ErrorEnvelope(false, message, code.name(), code.httpStatus(), requestId, details,
                ErrorEnvelope.RecoveryBody.of(code.recovery()), code.typeUrn(), code.title(), message,
                "urn:govflow:request:" + requestId);
    }

    public static ErrorEnvelope envelope(GovflowException ex, String requestId) {
        return envelope(ex.code(), ex.clientMessage(), ex.details(), requestId);
    }

    public static ResponseEntity<Object> response(ErrorEnvelope body, @Nullable HttpHeaders extraHeaders,
            @Nullable Long retryAfterSeconds) {
        HttpHeaders headers = new HttpHeaders();
        if (extraHeaders != null) {
            extraHeaders.forEach((name, values) -> {
                if (!HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name)
                        && !HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name)) {
                    headers.put(name, values);
                }
            });
        }
        headers.setContentType(PROBLEM_JSON);
        if (body.status() == 401) {
            headers.set(HttpHeaders.WWW_AUTHENTICATE, challenge(body.errorCode()));
        }
        Long retry = retryAfterSeconds != null ? retryAfterSeconds : defaultRetryAfter(body.errorCode());
        if (retry != null) {
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retry));
        }
        return ResponseEntity.status(body.status()).headers(headers).body(body);
    }

    /** RFC 6750 §3: a 401 names the scheme; a presented but unusable credential is an invalid_token. */
    static String challenge(String errorCode) {
        return "AUTHENTICATION_FAILED".equals(errorCode) ? "Bearer realm=\"govflow\", error=\"invalid_token\""
                : "Bearer realm=\"govflow\"";
    }

    /** Codes whose status promises a Retry-After get a default one when the thrower gave none. */
    static @Nullable Long defaultRetryAfter(String errorCode) {
        return switch (errorCode) {
            case "LOCK_TIMEOUT", "RATE_LIMITED", "LOOP_DETECTED" -> 1L;
            case "STORE_READ_ONLY", "STATE_CORRUPT", "METADATA_CORRUPT" -> 30L;
            default -> null;
        };
    }
}
