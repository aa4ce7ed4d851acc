package io.govflow.web.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.govflow.store.agent.UpdateLogEntry;
import io.govflow.support.ApiClient;
import io.govflow.support.DataDir;
import io.govflow.support.GovflowApp;
import io.govflow.support.McpTestClient;
import io.govflow.support.RunningApp;
import io.govflow.support.StoreInvariants;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.Tool;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code /mcp} driven by the MCP SDK's own client over Streamable HTTP: the sequence an agent moving from the
 * reference runs (initialize, tools/list, first update registering the agent, updates, metrics, a wrong key, a
 * resource read), credentials as argument and as bearer header, the REST access rules, absent reference tools,
 * and MCP and REST updates of one agent interleaved.
 */
@GovflowApp(args = { "--govflow.security.admin-token=" + McpEndToEndHttpTest.ADMIN,
        "--govflow.governance.loop-detection=false" })
class McpEndToEndHttpTest {

    static final String ADMIN = "mcp-admin-token-0123456789";

    static RunningApp app;
    static ApiClient client;
    @DataDir
    static Path dataDir;

    @Test
    void theReferenceClientSequenceWorksThroughTheSdkClient() {
        try (McpTestClient mcp = McpTestClient.connect(app.port(), null)) {
            assertThat(mcp.sdk().getServerInfo().name()).isEqualTo("govflow");
            List<Tool> tools = mcp.sdk().listTools().tools();
            assertThat(tools).extracting(Tool::name).contains("process_agent_update", "get_governance_metrics",
                    "simulate_update", "get_system_history", "list_agents", "store_knowledge_graph",
                    "submit_thesis", "get_thresholds", "health_check").doesNotContain("observe_agent", "list_tools");

            JsonNode first = mcp.ok("process_agent_update", Map.of("agent_id", "mcp_scout", "complexity", 0.4,
                    "response_text", "first unit of work"));
            String key = first.path("registration").path("api_key").asString();
            assertThat(key).startsWith("gvf_");
            assertThat(first.path("decision").path("action").asString()).isIn("proceed", "pause");
            for (int n = 0; n < 4; n++) {
                JsonNode update = mcp.ok("process_agent_update", Map.of("agent_id", "mcp_scout", "api_key", key,
                        "confidence", 0.8, "ethical_drift", List.of(0.1, 0.0, 0.0)));
                assertThat(update.has("registration")).isFalse();
                assertThat(update.path("metrics").path("updates").asInt()).isEqualTo(n + 2);
            }
            JsonNode metrics = mcp.ok("get_governance_metrics", Map.of("agent_id", "mcp_scout", "api_key", key));
            assertThat(metrics).isEqualTo(client.get("/api/v1/agents/mcp_scout/metrics", key).body());

            JsonNode wrongKey = mcp.error("process_agent_update", Map.of("agent_id", "mcp_scout",
                    "api_key", "gvf_not_the_key_of_this_agent_at_all_000000000"));
            assertThat(wrongKey.path("error_code").asString()).isEqualTo("AUTHENTICATION_FAILED");
            assertThat(wrongKey.path("success").asBoolean()).isFalse();
            assertThat(wrongKey.path("recovery").path("action").asString()).isNotBlank();
            assertThat(wrongKey.path("request_id").asString()).hasSize(32);

            assertThat(client.send("PUT", "/api/v1/agents/mcp_scout/context/project.plan", key,
                    Map.of("src", "planner", "d", Map.of("goal", "ship the export")), Map.of()).status())
                    .isEqualTo(201);
            JsonNode listed = mcp.ok("list_context_documents", Map.of("agent_id", "mcp_scout", "api_key", key));
            assertThat(listed.path("documents").findValuesAsString("uri"))
                    .contains("govflow://agents/mcp_scout/context/project.plan");
        }
        try (McpTestClient anonymous = McpTestClient.connect(app.port(), null)) {
            assertThat(anonymous.sdk().listResourceTemplates().resourceTemplates())
                    .extracting(McpSchema.ResourceTemplate::uriTemplate)
                    .containsExactly("govflow://agents/{agent_id}/context/{type}");
        }
    }

    @Test
    void aContextDocumentIsReadAsAResourceThroughTheRestReadWithTheTenantsBearerKey() {
        String key = client.register("mcp_reader");
        String other = client.register("mcp_other_reader");
        client.send("PUT", "/api/v1/agents/mcp_reader/context/project.plan", key,
                Map.of("src", "planner", "d", Map.of("goal", "ship the export")), Map.of());
        String uri = "govflow://agents/mcp_reader/context/project.plan";
        try (McpTestClient mcp = McpTestClient.connect(app.port(), key)) {
            McpSchema.ReadResourceResult read = mcp.sdk().readResource(new McpSchema.ReadResourceRequest(uri));
            McpSchema.TextResourceContents contents = (McpSchema.TextResourceContents) read.contents().get(0);
            JsonNode rest = client.get("/api/v1/agents/mcp_reader/context/project.plan", key).body();
            assertThat(ApiClient.JSON.readTree(contents.text())).isEqualTo(rest);
        }
        try (McpTestClient mcp = McpTestClient.connect(app.port(), other)) {
            assertThat(org.assertj.core.api.Assertions.catchThrowable(
                    () -> mcp.sdk().readResource(new McpSchema.ReadResourceRequest(uri))))
                    .hasMessageContaining("context document does not exist");
        }
    }

    @Test
    void theBearerHeaderIsACredentialAndTheRestAccessRulesApply() {
        String key = client.register("mcp_bearer");
        String otherKey = client.register("mcp_bearer_other");
        try (McpTestClient mcp = McpTestClient.connect(app.port(), key)) {
            JsonNode update = mcp.ok("process_agent_update", Map.of("agent_id", "mcp_bearer"));
            assertThat(update.has("registration")).isFalse();
            assertThat(mcp.error("process_agent_update", Map.of("agent_id", "mcp_bearer_other"))
                    .path("error_code").asString()).isEqualTo("AUTHENTICATION_FAILED");
            assertThat(mcp.error("process_agent_update", Map.of("agent_id", "mcp_bearer", "api_key", otherKey))
                    .path("error_code").asString()).isEqualTo("AUTHENTICATION_FAILED");
            assertThat(mcp.error("set_thresholds", Map.of("risk_approve_threshold", 0.3,
                    "risk_revise_threshold", 0.5, "coherence_critical_threshold", 0.4, "void_threshold_initial", 0.15))
                    .path("error_code").asString()).isEqualTo("FORBIDDEN");
            assertThat(mcp.error("process_agent_update", Map.of("agent_id", "never_registered_x"))
                    .path("error_code").asString()).isEqualTo("AGENT_NOT_FOUND");
        }
        try (McpTestClient admin = McpTestClient.connect(app.port(), ADMIN)) {
            assertThat(admin.ok("get_thresholds", Map.of()).path("success").asBoolean()).isTrue();
        }
        try (McpTestClient anonymous = McpTestClient.connect(app.port(), null)) {
            assertThat(anonymous.error("get_governance_metrics", Map.of("agent_id", "mcp_bearer"))
                    .path("error_code").asString()).isEqualTo("AUTHENTICATION_REQUIRED");
            JsonNode health = anonymous.ok("health_check", Map.of());
            assertThat(health.path("status").asString()).isEqualTo("UP");
            assertThat(health.properties()).as("the status only, as anonymous GET /actuator/health").hasSize(1);
        }
    }

    @Test
    void aRefusedCredentialIsAToolErrorNeverAnHttp401() {
        ApiClient.Reply reply = client.send("POST", "/mcp", null, Map.of("jsonrpc", "2.0", "id", 1,
                "method", "tools/call", "params", Map.of("name", "get_governance_metrics",
                        "arguments", Map.of("agent_id", "mcp_nobody", "api_key", "gvf_wrong"))),
                Map.of("Accept", "application/json, text/event-stream"));
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().path("result").path("isError").asBoolean()).isTrue();
        assertThat(reply.body().path("result").path("structuredContent").path("error_code").asString())
                .isEqualTo("AUTHENTICATION_FAILED");
    }

    @Test
    void invalidArgumentsAreReportedAsRestReportsThem() {
        String key = client.register("mcp_validation");
        try (McpTestClient mcp = McpTestClient.connect(app.port(), key)) {
            JsonNode range = mcp.error("process_agent_update", Map.of("agent_id", "mcp_validation",
                    "complexity", 7));
            JsonNode rest = client.post("/api/v1/agents/mcp_validation/updates", key, Map.of("complexity", 7))
                    .body();
            assertThat(range.path("error_code").asString()).isEqualTo("VALIDATION_FAILED");
            assertThat(range.path("details")).isEqualTo(rest.path("details"));
            JsonNode unknown = mcp.error("process_agent_update", Map.of("agent_id", "mcp_validation",
                    "bogus", 1));
            assertThat(unknown.path("details").path("fields").get(0).path("field").asString()).isEqualTo("bogus");
            assertThat(mcp.error("process_agent_update", Map.of("agent_id", "../etc"))
                    .path("error_code").asString()).isEqualTo("INVALID_AGENT_ID");
        }
    }

    @Test
    void aReferenceToolGovflowDoesNotHaveNamesItsAlternative() {
        try (McpTestClient mcp = McpTestClient.connect(app.port(), null)) {
            JsonNode absent = mcp.error("observe_agent", Map.of("agent_id", "mcp_scout"));
            assertThat(absent.path("error_code").asString()).isEqualTo("TOOL_NOT_AVAILABLE");
            assertThat(absent.path("details").path("alternative").asString()).contains("/api/v1/agents/{id}/metrics");
        }
    }

    @Test
    void mcpAndRestUpdatesOfOneAgentInterleaveIntoOneContiguousLog() throws Exception {
        String key = client.register("mcp_interleave");
        int each = 25;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (McpTestClient mcp = McpTestClient.connect(app.port(), key)) {
            Future<List<Integer>> viaMcp = pool.submit(() -> {
                List<Integer> counts = new ArrayList<>();
                for (int n = 0; n < each; n++) {
                    counts.add(mcp.ok("process_agent_update", Map.of("agent_id", "mcp_interleave",
                            "complexity", 0.3)).path("metrics").path("updates").asInt());
                }
                return counts;
            });
            Future<List<Integer>> viaRest = pool.submit(() -> {
                List<Integer> counts = new ArrayList<>();
                for (int n = 0; n < each; n++) {
                    ApiClient.Reply reply = client.post("/api/v1/agents/mcp_interleave/updates", key,
                            Map.of("complexity", 0.7));
                    assertThat(reply.status()).isEqualTo(200);
                    counts.add(reply.body().path("metrics").path("updates").asInt());
                }
                return counts;
            });
            List<Integer> all = new ArrayList<>(viaMcp.get());
            all.addAll(viaRest.get());
            assertThat(all).doesNotHaveDuplicates().hasSize(2 * each);
        } finally {
            pool.shutdown();
        }
        List<UpdateLogEntry> log = new StoreInvariants(dataDir).logOf("mcp_interleave");
        assertThat(log).extracting(UpdateLogEntry::seq).containsExactlyElementsOf(
                java.util.stream.LongStream.rangeClosed(1, 2L * each).boxed().toList());
        Map<Double, Integer> byComplexity = new HashMap<>();
        log.forEach(entry -> byComplexity.merge(entry.complexity(), 1, Integer::sum));
        assertThat(byComplexity).containsEntry(0.3, each).containsEntry(0.7, each);
    }
}
