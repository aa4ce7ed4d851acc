package io.govflow.web.error;

import java.io.IOException;
import java.util.Map;

import io.govflow.error.ErrorCode;
import io.govflow.error.GovflowException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Writes an envelope straight to a servlet response, for the places Spring MVC's advice cannot reach. */
@Component
public class ErrorEnvelopeWriter {

    private final JsonMapper mapper;

    public ErrorEnvelopeWriter(JsonMapper mapper) {
        this.mapper = mapper;
    }

    public void write(HttpServletRequest request, HttpServletResponse response, ErrorCode code, String message)
            throws IOException {
        String requestId = RequestIds.of(request);
        ApiExceptionHandler.logFailure(code, requestId, new IllegalStateException(code.name()));
        byte[] body = toBytes(ErrorResponses.envelope(code, message, Map.of(), requestId));
        response.resetBuffer();
        response.setStatus(code.httpStatus());
        response.setHeader(RequestIds.HEADER, requestId);
        response.setContentType(ErrorResponses.PROBLEM_JSON.toString());
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }

    /** The answer to {@code ex} as the advice would give it: its envelope, challenge and Retry-After. */
    public void write(HttpServletRequest request, HttpServletResponse response, GovflowException ex)
            throws IOException {
        String requestId = RequestIds.of(request);
        ResponseEntity<Object> answer = ErrorResponses.response(ex, requestId);
        byte[] body = toBytes(ErrorResponses.envelope(ex, requestId));
        response.resetBuffer();
        response.setStatus(ex.code().httpStatus());
        answer.getHeaders().forEach((name, values) -> {
            if (!HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name)) {
                values.forEach(value -> response.setHeader(name, value));
            }
        });
        response.setHeader(RequestIds.HEADER, requestId);
        response.setContentType(ErrorResponses.PROBLEM_JSON.toString());
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }

    public byte[] toBytes(ErrorEnvelope envelope) {
        return mapper.writeValueAsBytes(envelope);
    }
}
