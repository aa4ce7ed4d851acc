package io.govflow.web.auth;

import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * A functional route's handler with its access level, the functional form of {@link Access}:
 * {@code route().GET("/api/v1/x", AccessHandlerFunction.of(Access.Level.ADMIN, handler))}. A route whose handler is
 * not one fails start-up. Apply handler filters inside ({@code of(level, filter.apply(handler))}): a filter the
 * router builder adds wraps this function again, hides the level, and its requests are refused.
 */
public record AccessHandlerFunction<T extends ServerResponse>(Access.Level level, HandlerFunction<T> handler)
        implements HandlerFunction<T> {

    public static <T extends ServerResponse> AccessHandlerFunction<T> of(Access.Level level,
            HandlerFunction<T> handler) {
        return new AccessHandlerFunction<>(level, handler);
    }

    @Override
    public T handle(ServerRequest request) throws Exception {
        return handler.handle(request);
    }
}
