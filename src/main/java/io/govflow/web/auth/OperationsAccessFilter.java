package io.govflow.web.auth;

import java.io.IOException;
import java.util.Set;

import io.govflow.config.GovflowProperties;
import io.govflow.error.GovflowException;
import io.govflow.flow.auth.Authenticator;
import io.govflow.web.error.ErrorEnvelopeWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code /actuator/info} (JVM, kernel, build), {@code /actuator/prometheus} (every meter) and {@code /actuator/sbom}
 * (every library and its version, a map of known vulnerabilities) describe the host, so they need the admin token unless {@code govflow.security.open-operations} is on. Health and its probes stay
 * anonymous for orchestrators. A filter, because the actuator's handler mapping is not behind
 * {@link AuthInterceptor}; it only refuses, so it is anonymous like the other refusing filters.
 */
@Access(Access.Level.ANONYMOUS)
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
public class OperationsAccessFilter extends OncePerRequestFilter {

    /** The actuator paths that need the admin token (each also guards everything below it). */
    static final Set<String> GUARDED = Set.of("/actuator/info", "/actuator/prometheus", "/actuator/sbom");

    private final Authenticator authenticator;
    private final ErrorEnvelopeWriter writer;
    private final boolean open;

    public OperationsAccessFilter(Authenticator authenticator, ErrorEnvelopeWriter writer,
            GovflowProperties properties) {
        this.authenticator = authenticator;
        this.writer = writer;
        this.open = properties.security().openOperations();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        // the container's decoded and normalized path (no path parameters, no encoded letters, no '..')
        String pathInfo = request.getPathInfo();
        return open || !guarded(request.getServletPath() + (pathInfo == null ? "" : pathInfo));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            authenticator.requireAdmin(BearerCredentials.from(request));
        } catch (GovflowException refused) {
            writer.write(request, response, refused);
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean guarded(String path) {
        String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return GUARDED.stream().anyMatch(p -> trimmed.equals(p) || trimmed.startsWith(p + "/")
                || trimmed.startsWith(p + "."));
    }
}
