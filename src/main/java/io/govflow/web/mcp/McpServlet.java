package io.govflow.web.mcp;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import io.govflow.web.auth.Access;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.transport.HttpServletStatelessServerTransport;
import io.modelcontextprotocol.spec.McpSchema;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * {@code /mcp}: hands every request to the MCP transport. Anonymous at the HTTP level on purpose: each tool call
 * checks the credential its REST endpoint needs and reports a refusal as a tool error, never as an HTTP 401 (MCP
 * clients answer a 401 by starting an OAuth flow the service does not offer).
 *
 * <p>A POST body that is not one JSON object (malformed JSON, {@code null}, a scalar, a batch array, which the
 * current protocol revision no longer has) is answered here with a JSON-RPC error: the transport would answer
 * some of these with a 500.
 */
@Access(Access.Level.ANONYMOUS)
public class McpServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private static final Set<String> NEEDS_PARAMS = Set.of("tools/call", "resources/read", "prompts/get",
            "completion/complete", "resources/subscribe", "resources/unsubscribe", "logging/setLevel");

    private final transient HttpServletStatelessServerTransport transport;
    private final transient JacksonMcpJsonMapper mapper;

    McpServlet(HttpServletStatelessServerTransport transport, JacksonMcpJsonMapper mapper) {
        this.transport = transport;
        this.mapper = mapper;
    }

    @Override
    public void service(ServletRequest request, ServletResponse response) throws ServletException, IOException {
        HttpServletRequest http = (HttpServletRequest) request;
        if (!"POST".equals(http.getMethod())) {
            transport.service(request, response);
            return;
        }
        byte[] body = request.getInputStream().readAllBytes();
        JsonNode message = parse(body);
        if (message == null || !message.isObject()) {
            JsonRpcErrors.write((HttpServletResponse) response, HttpServletResponse.SC_BAD_REQUEST,
                    McpSchema.ErrorCodes.INVALID_REQUEST, "The body must be one JSON-RPC message (a JSON object)",
                    mapper);
            return;
        }
        if (lacksParams(message)) {
            JsonRpcErrors.write((HttpServletResponse) response, HttpServletResponse.SC_BAD_REQUEST,
                    McpSchema.ErrorCodes.INVALID_PARAMS, "Invalid params for this method", mapper);
            return;
        }
        transport.service(new BufferedBody(http, body), response);
    }

    private @Nullable JsonNode parse(byte[] body) {
        try {
            return mapper.getJsonMapper().readTree(body);
        } catch (JacksonException e) {
            return null;
        }
    }

    /**
     * Params the SDK's handlers cannot read (they fail with a 500 naming internal classes): absent params, a
     * tool or prompt name that is not a string, arguments that are not an object, a resource URI that is not a
     * string.
     */
    private static boolean lacksParams(JsonNode message) {
        JsonNode method = message.get("method");
        if (method == null || !method.isString() || !NEEDS_PARAMS.contains(method.asString())) {
            return false;
        }
        JsonNode params = message.get("params");
        if (params == null || !params.isObject()) {
            return true;
        }
        return switch (method.asString()) {
            case "tools/call", "prompts/get" -> !params.path("name").isString()
                    || params.has("arguments") && !params.get("arguments").isObject()
                    && !params.get("arguments").isNull();
            case "resources/read", "resources/subscribe", "resources/unsubscribe" -> !params.path("uri").isString();
            default -> false;
        };
    }

    @Override
    public void destroy() {
        transport.destroy();
    }

    /** The request with its body already read, so the transport can read it again. */
    private static final class BufferedBody extends HttpServletRequestWrapper {

        private final byte[] body;

        BufferedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("blocking reads only");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
