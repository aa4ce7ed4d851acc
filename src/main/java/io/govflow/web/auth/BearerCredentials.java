package io.govflow.web.auth;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;

/** Reads {@code Authorization: Bearer <credential>}; credentials anywhere else (query strings) are ignored. */
public final class BearerCredentials {

    private static final String SCHEME = "bearer ";

    private BearerCredentials() {
    }

    public static @Nullable String from(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || header.length() <= SCHEME.length()
                || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return null;
        }
        String credential = header.substring(SCHEME.length()).trim();
        return credential.isEmpty() ? null : credential;
    }
}
