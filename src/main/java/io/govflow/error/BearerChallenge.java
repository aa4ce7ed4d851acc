package io.govflow.error;

import org.jspecify.annotations.Nullable;

/**
 * The RFC 6750 challenge a 401 answer carries in {@code WWW-Authenticate}: the bearer scheme, and the error it
 * names when a credential was sent but cannot be used.
 */
public enum BearerChallenge {
    /** No credential was sent: the challenge names only the scheme. */
    SCHEME_ONLY(null),
    /** A credential was sent but is not valid for the request (RFC 6750 §3.1). */
    INVALID_TOKEN("invalid_token");

    private final @Nullable String error;

    BearerChallenge(@Nullable String error) {
        this.error = error;
    }

    /** The {@code error} attribute of the challenge, if it has one. */
    public @Nullable String error() {
        return error;
    }
}
