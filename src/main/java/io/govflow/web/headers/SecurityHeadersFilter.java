package io.govflow.web.headers;

import java.io.IOException;

import io.govflow.web.auth.Access;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sets {@link SecurityHeaders} before anything answers, so successes, error envelopes and downloads all carry them
 * (requests Tomcat refuses before any filter get them from the error report valve).
 */
@Access(Access.Level.ANONYMOUS)
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class SecurityHeadersFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        SecurityHeaders.apply(response::setHeader);
        String path = request.getRequestURI().substring(request.getContextPath().length());
        // the stricter policy first: a raw path that names one and resolves to the other gets the console's
        if (SecurityHeaders.isConsole(path) || SecurityHeaders.isConsole(normalizedPath(request))) {
            response.setHeader(SecurityHeaders.CONTENT_SECURITY_POLICY, SecurityHeaders.CONSOLE_POLICY);
            response.setHeader(SecurityHeaders.REFERRER_POLICY, SecurityHeaders.NO_REFERRER);
        } else if (SecurityHeaders.isSwaggerUi(path)) {
            response.setHeader(SecurityHeaders.CONTENT_SECURITY_POLICY, SecurityHeaders.SWAGGER_UI_POLICY);
        }
        chain.doFilter(request, response);
    }

    /** The container's decoded and normalized path, which decides what answers (no '..', no path parameters). */
    private static String normalizedPath(HttpServletRequest request) {
        String pathInfo = request.getPathInfo();
        return request.getServletPath() + (pathInfo == null ? "" : pathInfo);
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }
}
