package io.govflow.web.error;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.govflow.error.ErrorCode;
import io.govflow.web.auth.Access;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Actuator answers an unknown sub-path (for example {@code /actuator/health/diskSpace} when that indicator is
 * off) or a refused request with a bare status and no body; this gives such answers the error envelope. Answers
 * with a body (a health report that is down, for one) pass unchanged.
 */
@Access(Access.Level.ANONYMOUS)
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class ActuatorErrorBodyFilter extends OncePerRequestFilter {

    private static final String ACTUATOR = "/actuator/";

    private final ErrorEnvelopeWriter writer;

    public ActuatorErrorBodyFilter(ErrorEnvelopeWriter writer) {
        this.writer = writer;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(ACTUATOR);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, buffered);
        int status = buffered.getStatus();
        ErrorCode code = SpringErrorMapping.byStatus(status).code();
        if (status >= 400 && buffered.getContentSize() == 0 && code.httpStatus() == status
                && !response.isCommitted()) {
            String requestId = RequestIds.of(request);
            byte[] body = writer.toBytes(ErrorResponses.envelope(code, code.message(), Map.of(), requestId));
            response.setStatus(status);
            response.setHeader(RequestIds.HEADER, requestId);
            response.setContentType(ErrorResponses.PROBLEM_JSON.toString());
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
            return;
        }
        buffered.copyBodyToResponse();
    }
}
