package io.govflow.support;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The MCP SDK's own client over Streamable HTTP, talking to {@code /mcp} of a test service on 127.0.0.1. Every
 * tool result goes through {@link SecretLedger}: the key a registration issues is remembered, any other
 * credential in a result fails the test.
 */
public final class McpTestClient implements AutoCloseable {

    private final McpSyncClient client;

    private McpTestClient(McpSyncClient client) {
        this.client = client;
    }

    /** An initialized client; with {@code bearer}, every MCP request carries {@code Authorization: Bearer}. */
    public static McpTestClient connect(int port, @Nullable String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder().timeout(Duration.ofSeconds(60));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport
                .builder("http://127.0.0.1:" + port).endpoint("/mcp").requestBuilder(request).build();
        McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(60))
                .clientInfo(new McpSchema.Implementation("govflow-tests", "1")).build();
        client.initialize();
        return new McpTestClient(client);
    }

    public McpSyncClient sdk() {
        return client;
    }

    /** Calls a tool; the answer, success or tool error. */
    public CallToolResult call(String tool, Map<String, Object> arguments) {
        CallToolResult result = client.callTool(new McpSchema.CallToolRequest(tool, arguments));
        String text = ApiClient.JSON.writeValueAsString(result);
        SecretLedger.inspectResponse("MCP " + tool, Boolean.TRUE.equals(result.isError()) ? 400 : 200, text,
                issuedKey(structured(result)));
        return result;
    }

    /** Calls a tool that must succeed; its structured content. */
    public JsonNode ok(String tool, Map<String, Object> arguments) {
        CallToolResult result = call(tool, arguments);
        if (Boolean.TRUE.equals(result.isError())) {
            throw new AssertionError(tool + " failed: " + structured(result));
        }
        return structured(result);
    }

    /** Calls a tool that must fail; the error envelope of its structured content. */
    public JsonNode error(String tool, Map<String, Object> arguments) {
        CallToolResult result = call(tool, arguments);
        if (!Boolean.TRUE.equals(result.isError())) {
            throw new AssertionError(tool + " did not fail: " + structured(result));
        }
        return structured(result);
    }

    public static JsonNode structured(CallToolResult result) {
        return ApiClient.JSON.valueToTree(result.structuredContent());
    }

    /** The key a registration through process_agent_update issued. */
    private static @Nullable String issuedKey(JsonNode structured) {
        JsonNode key = structured.path("registration").path("api_key");
        return key.isString() ? key.asString() : null;
    }

    @Override
    public void close() {
        client.closeGracefully();
    }
}
