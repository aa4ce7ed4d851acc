package io.govflow.web.error;

import java.util.List;
import java.util.Map;

import io.govflow.error.ErrorCode;
import io.govflow.error.GovflowException;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The one place that turns exceptions into the error envelope: our own {@link GovflowException}s, Spring MVC's
 * exceptions (through {@link ResponseEntityExceptionHandler}) and anything unexpected.
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(GovflowException.class)
    public ResponseEntity<Object> handleGovflow(GovflowException ex, WebRequest request) {
        String requestId = requestId(request);
        logFailure(ex.code(), requestId, ex);
        return ErrorResponses.response(ex, requestId);
    }

    @ExceptionHandler(Exception.class)
    public ResponseEntity<Object> handleUnexpected(Exception ex, WebRequest request) {
        return envelope(ErrorCode.INTERNAL_ERROR, ErrorCode.INTERNAL_ERROR.message(), Map.of(), null, ex, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body,
            HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        SpringErrorMapping.Mapped mapped = SpringErrorMapping.map(ex, statusCode);
        return envelope(mapped.code(), mapped.message(), mapped.details(), headers, ex, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return handleExceptionInternal(ex, null, headers, status, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return handleExceptionInternal(ex, null, headers, status, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return handleExceptionInternal(ex, null, headers, status, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return handleExceptionInternal(ex, null, headers, status, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleNoHandlerFoundException(NoHandlerFoundException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return handleExceptionInternal(ex, null, headers, status, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpRequestMethodNotSupported(
            HttpRequestMethodNotSupportedException ex, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        return handleExceptionInternal(ex, null, headers, status, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return handleExceptionInternal(ex, null, headers, status, request);
    }

    private ResponseEntity<Object> envelope(ErrorCode code, String message, Map<String, Object> details,
            @Nullable HttpHeaders headers, Exception ex, WebRequest request) {
        String requestId = requestId(request);
        logFailure(code, requestId, ex);
        ErrorEnvelope body = ErrorResponses.envelope(code, message, details, requestId);
        return ErrorResponses.response(code, body, keepAllowHeader(headers), null);
    }

    private static @Nullable HttpHeaders keepAllowHeader(@Nullable HttpHeaders headers) {
        if (headers == null || headers.getAllow().isEmpty()) {
            return null;
        }
        HttpHeaders kept = new HttpHeaders();
        kept.setAllow(headers.getAllow());
        return kept;
    }

    private static String requestId(WebRequest request) {
        if (request instanceof NativeWebRequest nativeRequest) {
            HttpServletRequest servlet = nativeRequest.getNativeRequest(HttpServletRequest.class);
            if (servlet != null) {
                return RequestIds.of(servlet);
            }
        }
        return RequestIds.newId();
    }

    static void logFailure(ErrorCode code, String requestId, Throwable ex) {
        if (code == ErrorCode.INTERNAL_ERROR || code == ErrorCode.STORAGE_ERROR) {
            log.error("request_id={} error_code={} cause={}", requestId, code, LogSafe.escape(ex), ex);
        } else if (code.httpStatus() >= 500) {
            // an expected operational state (busy, read-only, damaged file, full disk): its cause was logged once
            // where it happened; one line per refused request is enough
            log.warn("request_id={} error_code={} cause={}", requestId, code, LogSafe.escape(ex));
        } else if (log.isDebugEnabled()) {
            log.debug("request_id={} error_code={} cause={}", requestId, code, LogSafe.escape(ex));
        } else {
            log.info("request_id={} error_code={}", requestId, code);
        }
    }

    static List<Map<String, String>> field(String name, String problem) {
        return List.of(Map.of("field", name, "problem", problem));
    }
}
