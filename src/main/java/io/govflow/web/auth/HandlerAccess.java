package io.govflow.web.auth;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ClassUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/** The access decision for a handler: its own declaration, or anonymous when its path is on the list. */
final class HandlerAccess {

    private HandlerAccess() {
    }

    /**
     * What the handler declares: {@link Access} on a handler method, the level of an {@link AccessHandlerFunction},
     * or {@link Access} on the class of any other handler (servlets and filters included).
     */
    static Access.@Nullable Level declared(Object handler) {
        if (handler instanceof HandlerMethod method) {
            Access access = method.getMethodAnnotation(Access.class);
            return access == null ? null : access.value();
        }
        if (handler instanceof AccessHandlerFunction<?> route) {
            return route.level();
        }
        return declared(ClassUtils.getUserClass(handler));
    }

    static Access.@Nullable Level declared(Class<?> type) {
        Access access = AnnotatedElementUtils.findMergedAnnotation(type, Access.class);
        return access == null ? null : access.value();
    }

    /** The level a request to {@code handler} needs; null when nothing decides it (the request is refused). */
    static Access.@Nullable Level of(Object handler, HttpServletRequest request) {
        Access.@Nullable Level declared = declared(handler);
        if (declared != null) {
            return declared;
        }
        if (isAutomaticOptions(handler) || AnonymousPaths.matches(path(request))) {
            return Access.Level.ANONYMOUS;
        }
        return null;
    }

    /** Spring MVC answers OPTIONS for a mapped path itself, with the Allow header only. */
    private static boolean isAutomaticOptions(Object handler) {
        return handler instanceof HandlerMethod method
                && method.getBeanType().getEnclosingClass() == RequestMappingInfoHandlerMapping.class;
    }

    private static String path(HttpServletRequest request) {
        if (!ServletRequestPathUtils.hasCachedPath(request)) {
            ServletRequestPathUtils.parseAndCache(request);
        }
        return ServletRequestPathUtils.getCachedPathValue(request);
    }
}
