package io.govflow.error;

import org.jspecify.annotations.Nullable;

/**
 * What an answer with an error code carries besides its body: the Retry-After it promises when the thrower gives
 * none, and the authentication challenge of a 401.
 */
public record ResponseHints(@Nullable Long retryAfterSeconds, @Nullable BearerChallenge challenge) {

    public static final ResponseHints NONE = new ResponseHints(null, null);

    public static ResponseHints retryAfter(long seconds) {
        return new ResponseHints(seconds, null);
    }

    public static ResponseHints bearerChallenge(BearerChallenge challenge) {
        return new ResponseHints(null, challenge);
    }
}
