package io.govflow.web.limit;

import java.io.IOException;

import io.govflow.error.ErrorCode;
import io.govflow.web.auth.Access;
import io.govflow.web.error.ErrorEnvelopeWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A request Content-Type must name one concrete media type, and not a form: a wildcard ({@code application/*}),
 * an unparsable value, a form or a multipart body is {@code UNSUPPORTED_MEDIA_TYPE} here, before anything parses
 * the body (Spring MVC fails on a wildcard with an unexpected exception, and reads form bodies of endpoints
 * whose JSON body is optional through the container's parameter parser, which fails on invalid UTF-8: 500s).
 * The service takes JSON bodies only.
 */
@Access(Access.Level.ANONYMOUS)
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 11)
public class ContentTypeFilter extends OncePerRequestFilter {

    private final ErrorEnvelopeWriter writer;

    public ContentTypeFilter(ErrorEnvelopeWriter writer) {
        this.writer = writer;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String contentType = request.getContentType();
        if (contentType != null && !contentType.isBlank() && !concrete(contentType)) {
            writer.write(request, response, ErrorCode.UNSUPPORTED_MEDIA_TYPE, ErrorCode.UNSUPPORTED_MEDIA_TYPE.message());
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean concrete(String contentType) {
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return !type.isWildcardType() && !type.isWildcardSubtype()
                    && !MediaType.APPLICATION_FORM_URLENCODED.includes(type) && !"multipart".equals(type.getType());
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }
}
