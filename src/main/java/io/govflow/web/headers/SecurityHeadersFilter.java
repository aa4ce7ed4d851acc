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
        if (SecurityHeaders.isSwaggerUi(request.getRequestURI().substring(request.getContextPath().length()))) {
            response.setHeader(SecurityHeaders.CONTENT_SECURITY_POLICY, SecurityHeaders.SWAGGER_UI_POLICY);
        }
        chain.doFilter(request, response);
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }
}
