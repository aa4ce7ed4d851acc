package io.govflow.web.error;

import java.util.Map;

import io.govflow.error.BearerChallenge;
import io.govflow.error.ErrorCode;
import io.govflow.error.GovflowException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Builds envelopes and the responses that carry them. The single place that knows the envelope's rules. */
public final class ErrorResponses {

    public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

    private static final String REALM = "govflow";

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

    /** The answer to a thrown {@link GovflowException}: its envelope, and its own Retry-After if it gave one. */
    public static ResponseEntity<Object> response(GovflowException ex, String requestId) {
        return response(ex.code(), envelope(ex, requestId), null, ex.retryAfterSeconds());
    }

    /**
     * The answer carrying {@code body}: the extra headers (never a content type or length), the code's challenge
     * on a 401, and {@code retryAfterSeconds} or else the code's default Retry-After.
     */
    public static ResponseEntity<Object> response(ErrorCode code, ErrorEnvelope body,
            @Nullable HttpHeaders extraHeaders, @Nullable Long retryAfterSeconds) {
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
        @Nullable BearerChallenge challenge = code.challenge();
        if (challenge != null) {
            headers.set(HttpHeaders.WWW_AUTHENTICATE, wwwAuthenticate(challenge));
        }
        @Nullable Long retry = retryAfterSeconds != null ? retryAfterSeconds : code.defaultRetryAfterSeconds();
        if (retry != null) {
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retry));
        }
        return ResponseEntity.status(body.status()).headers(headers).body(body);
    }

    /** RFC 6750 §3: the scheme and realm, and the error when the challenge names one. */
    static String wwwAuthenticate(BearerChallenge challenge) {
        @Nullable String error = challenge.error();
        return error == null ? "Bearer realm=\"" + REALM + "\""
                : "Bearer realm=\"" + REALM + "\", error=\"" + error + "\"";
    }
}
