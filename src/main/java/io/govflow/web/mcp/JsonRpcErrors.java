package io.govflow.web.mcp;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCResponse.JSONRPCError;

import jakarta.servlet.http.HttpServletResponse;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * Transport-level failures as JSON-RPC error responses ({@code id} null: the request could not be read). The
 * SDK's servlet transport writes the {@link McpError} it failed with through the JSON mapper, which would render
 * the exception's fields and stack trace; here an {@link McpError} is written as the JSON-RPC response it stands
 * for.
 */
final class JsonRpcErrors {

    static final String JSONRPC = "2.0";

    private JsonRpcErrors() {
    }

    /** The protocol's JSON (camelCase members of the MCP schema), apart from the API's snake_case mapper. */
    static JacksonMcpJsonMapper mapper() {
        SimpleModule errors = new SimpleModule("mcp-errors").addSerializer(McpError.class, new AsResponse());
        return new JacksonMcpJsonMapper(JsonMapper.builder().addModule(errors).build());
    }

    /** A JSON-RPC error response without an id (the SDK's response record requires one). */
    static Map<String, Object> response(JSONRPCError error) {
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("jsonrpc", JSONRPC);
        response.put("id", null);
        response.put("error", error);
        return response;
    }

    static void write(HttpServletResponse response, int status, int code, String message,
            JacksonMcpJsonMapper mapper) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getOutputStream().write(mapper.writeValueAsBytes(response(new JSONRPCError(code, message, null))));
    }

    private static final class AsResponse extends ValueSerializer<McpError> {

        @Override
        public void serialize(McpError error, JsonGenerator generator, SerializationContext context) {
            JSONRPCError body = error.getJsonRpcError();
            context.writeValue(generator, response(body != null ? body
                    : new JSONRPCError(McpSchema.ErrorCodes.INTERNAL_ERROR, "Internal error", null)));
        }
    }
}
