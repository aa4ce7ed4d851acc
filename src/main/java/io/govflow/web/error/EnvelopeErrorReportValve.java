package io.govflow.web.error;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.govflow.error.ErrorCode;
import io.govflow.web.headers.SecurityHeaders;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Gives the envelope to requests Tomcat rejects before any filter runs (an encoded '/' or NUL in the path, a
 * bare '%', oversized headers), instead of Tomcat's HTML page.
 */
public class EnvelopeErrorReportValve extends ErrorReportValve {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final String AGENTS_PATH = "/api/v1/agents/";

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        ErrorCode code = codeFor(status, request.getRequestURI());
        String requestId = RequestIds.of(request);
        byte[] body = MAPPER.writeValueAsBytes(ErrorResponses.envelope(code, code.message(), Map.of(), requestId));
        try {
            response.setContentType(ErrorResponses.PROBLEM_JSON.toString());
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.setHeader(RequestIds.HEADER, requestId);
            SecurityHeaders.apply(response::setHeader);
            response.getOutputStream().write(body);
            response.finishResponse();
        } catch (IOException | IllegalStateException ignored) {
            // the client is gone or the response is already committed; nothing more can be sent
        }
        response.getCoyoteResponse().action(ActionCode.CLOSE, null);
    }

    /** A path Tomcat refuses under an agent's URL can only be a bad agent id (encoded '/', NUL, bare '%'). */
    static ErrorCode codeFor(int status, String requestUri) {
        if (status == 400) {
            return requestUri != null && requestUri.startsWith(AGENTS_PATH) ? ErrorCode.INVALID_AGENT_ID
                    : ErrorCode.VALIDATION_FAILED;
        }
        return SpringErrorMapping.byStatus(status).code();
    }
}
