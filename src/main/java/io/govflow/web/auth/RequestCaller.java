package io.govflow.web.auth;

import io.govflow.flow.auth.Caller;
import jakarta.servlet.http.HttpServletRequest;

/** The caller {@link AuthInterceptor} authenticated for this request (handlers whose flow checks roles). */
public final class RequestCaller {

    private RequestCaller() {
    }

    public static Caller of(HttpServletRequest request) {
        if (request.getAttribute(AuthInterceptor.CALLER) instanceof Caller caller) {
            return caller;
        }
        throw new IllegalStateException("handler needs an authenticated @Access level");
    }

    /** Whether the admin made this request (false for anonymous requests). */
    public static boolean isAdmin(HttpServletRequest request) {
        return request.getAttribute(AuthInterceptor.CALLER) instanceof Caller caller && caller.admin();
    }
}
