package io.govflow.web.mcp;

import java.util.Map;

import io.modelcontextprotocol.common.McpTransportContext;

import jakarta.servlet.http.HttpServletRequest;

/** The HTTP request behind an MCP message, carried in the transport context (the transport keeps no sessions). */
final class McpRequests {

    private static final String HTTP_REQUEST = McpRequests.class.getName() + ".request";

    private McpRequests() {
    }

    static McpTransportContext context(HttpServletRequest request) {
        return McpTransportContext.create(Map.of(HTTP_REQUEST, request));
    }

    static HttpServletRequest http(McpTransportContext context) {
        if (context.get(HTTP_REQUEST) instanceof HttpServletRequest request) {
            return request;
        }
        throw new IllegalStateException("MCP call without its HTTP request");
    }
}
