package io.govflow.web.limit;

import java.io.IOException;

import io.govflow.config.GovflowProperties;
import io.govflow.error.ErrorCode;
import io.govflow.web.auth.Access;
import io.govflow.web.error.ErrorEnvelopeWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Enforces {@code govflow.http.max-body}: a declared Content-Length over the limit is refused before reading;
 * a body without one is cut off while it is read. Also enforces {@code govflow.http.read-deadline} on the body,
 * counted from here (the headers have arrived): a trickling body ends in {@code REQUEST_TIMEOUT}.
 */
@Access(Access.Level.ANONYMOUS)
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class RequestBodyLimitFilter extends OncePerRequestFilter {

    private final long limit;
    private final long deadlineNanos;
    private final ErrorEnvelopeWriter writer;

    public RequestBodyLimitFilter(GovflowProperties properties, ErrorEnvelopeWriter writer) {
        this.limit = properties.http().maxBody().toBytes();
        this.deadlineNanos = properties.http().readDeadline().toNanos();
        this.writer = writer;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > limit) {
            writer.write(request, response, ErrorCode.PAYLOAD_TOO_LARGE, ErrorCode.PAYLOAD_TOO_LARGE.message(limit + " bytes"));
            return;
        }
        long deadline = System.nanoTime() + deadlineNanos;
        chain.doFilter(new HttpServletRequestWrapper(request) {
            private ServletInputStream stream;

            @Override
            public ServletInputStream getInputStream() throws IOException {
                if (stream == null) {
                    stream = new LimitedInputStream(super.getInputStream(), limit, deadline);
                }
                return stream;
            }
        }, response);
    }
}
