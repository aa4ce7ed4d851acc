package io.govflow.error;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The one exception type domain code throws. Carries an {@link ErrorCode}, the safe values for its message
 * template, optional details for the envelope and an optional Retry-After in seconds.
 */
public class GovflowException extends RuntimeException {

    private final ErrorCode code;
    private final Object[] args;
    private final Map<String, Object> details;
    private final @Nullable Long retryAfterSeconds;

    public GovflowException(ErrorCode code, Object... args) {
        this(code, Map.of(), null, null, args);
    }

    public GovflowException(ErrorCode code, Map<String, Object> details, @Nullable Long retryAfterSeconds,
            @Nullable Throwable cause, Object... args) {
        super(code.name(), cause);
        this.code = code;
        this.args = args.clone();
        this.details = new LinkedHashMap<>(details);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public static GovflowException withDetails(ErrorCode code, Map<String, Object> details, Object... args) {
        return new GovflowException(code, details, null, null, args);
    }

    public static GovflowException retryAfter(ErrorCode code, long seconds, Map<String, Object> details,
            Object... args) {
        return new GovflowException(code, details, seconds, null, args);
    }

    public ErrorCode code() {
        return code;
    }

    public String clientMessage() {
        return code.message(args);
    }

    public Map<String, Object> details() {
        return details;
    }

    public @Nullable Long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
