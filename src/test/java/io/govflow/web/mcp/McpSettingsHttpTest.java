package io.govflow.web.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import io.govflow.support.ApiClient;
import io.govflow.support.McpTestClient;
import io.govflow.support.RunningApp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * What the settings change on {@code /mcp}: the allowed browser origins (DNS-rebinding protection), closed
 * registration for the first update of an unknown agent, the REST quotas, and the endpoint switched off.
 */
class McpSettingsHttpTest {

    private static final Map<String, Object> LIST_TOOLS = Map.of("jsonrpc", "2.0", "id", 1, "method", "tools/list");

    @TempDir
    Path work;

    @Test
    void aForeignOriginIsRefusedAnAllowedOneAndNoneAreServed() {
        try (RunningApp app = RunningApp.start(work.resolve("data"),
                "--govflow.mcp.allowed-origins=http://localhost:*")) {
            ApiClient client = app.client();
            assertThat(post(client, Map.of("Origin", "http://evil.example")).status()).isEqualTo(403);
            assertThat(post(client, Map.of("Origin", "http://localhost.evil.example:8080")).status()).isEqualTo(403);
            assertThat(post(client, Map.of("Origin", "null")).status()).isEqualTo(403);
            assertThat(post(client, Map.of("Origin", "http://localhost:3000")).body().path("result").has("tools"))
                    .isTrue();
            assertThat(post(client, Map.of()).body().path("result").has("tools")).isTrue();
        }
    }

    @Test
    void byDefaultEveryBrowserOriginIsRefused() {
        try (RunningApp app = RunningApp.start(work.resolve("data"))) {
            assertThat(post(app.client(), Map.of("Origin", "http://localhost:3000")).status()).isEqualTo(403);
            assertThat(post(app.client(), Map.of()).status()).isEqualTo(200);
        }
    }

    @Test
    void withClosedRegistrationAFirstUpdateDoesNotRegister() {
        try (RunningApp app = RunningApp.start(work.resolve("data"), "--govflow.security.open-registration=false",
                "--govflow.security.admin-token=mcp-admin-token-0123456789");
                McpTestClient mcp = McpTestClient.connect(app.port(), null)) {
            JsonNode refused = mcp.error("process_agent_update", Map.of("agent_id", "mcp_closed"));
            assertThat(refused.path("error_code").asString()).isEqualTo("AUTHENTICATION_REQUIRED");
            assertThat(app.client().get("/api/v1/agents/mcp_closed", "mcp-admin-token-0123456789").status())
                    .isEqualTo(404);
        }
    }

    @Test
    void theRestQuotasApplyToTools() {
        try (RunningApp app = RunningApp.start(work.resolve("data"), "--govflow.limits.registration.capacity=1",
                "--govflow.limits.exports.capacity=1", "--govflow.limits.failed-authentications.capacity=1");
                McpTestClient mcp = McpTestClient.connect(app.port(), null)) {
            JsonNode first = mcp.ok("process_agent_update", Map.of("agent_id", "mcp_quota_one"));
            String key = first.path("registration").path("api_key").asString();
            JsonNode second = mcp.error("process_agent_update", Map.of("agent_id", "mcp_quota_two"));
            assertThat(second.path("error_code").asString()).isEqualTo("RATE_LIMITED");
            assertThat(second.path("details").path("quota").asString()).isEqualTo("registration");

            Map<String, Object> export = Map.of("agent_id", "mcp_quota_one", "api_key", key);
            mcp.ok("export_to_file", export);
            JsonNode refused = mcp.error("export_to_file", export);
            assertThat(refused.path("details").path("quota").asString()).isEqualTo("exports");

            Map<String, Object> wrong = Map.of("agent_id", "mcp_quota_one", "api_key", "gvf_" + "0".repeat(40));
            assertThat(mcp.error("get_governance_metrics", wrong).path("error_code").asString())
                    .isEqualTo("AUTHENTICATION_FAILED");
            JsonNode limited = mcp.error("get_governance_metrics", wrong);
            assertThat(limited.path("details").path("quota").asString()).isEqualTo("failed-authentications");
            assertThat(mcp.ok("get_governance_metrics", export).path("success").asBoolean()).isTrue();
        }
    }

    @Test
    void switchedOffThereIsNoEndpoint() {
        try (RunningApp app = RunningApp.start(work.resolve("data"), "--govflow.mcp.enabled=false")) {
            ApiClient.Reply reply = post(app.client(), Map.of());
            assertThat(reply.status()).isEqualTo(404);
            assertThat(reply.body().path("error_code").asString()).isEqualTo("ROUTE_NOT_FOUND");
        }
    }

    private static ApiClient.Reply post(ApiClient client, Map<String, String> headers) {
        Map<String, String> all = new java.util.HashMap<>(headers);
        all.put("Accept", "application/json, text/event-stream");
        return client.send("POST", "/mcp", null, LIST_TOOLS, all);
    }
}
