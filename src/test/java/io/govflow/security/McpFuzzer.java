package io.govflow.security;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.govflow.support.ApiClient;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Generated requests to {@code /mcp}: valid JSON-RPC calls of the tools with valid, mutated and hostile
 * arguments and credentials, and protocol abuse (malformed JSON, non-objects, batches, unknown and missing
 * methods, ids of every type and size, absent or wrong params, foreign origins, wrong media types).
 */
final class McpFuzzer {

    static final String PATH = "/mcp";

    private static final String[] TOOLS = { "process_agent_update", "simulate_update", "get_governance_metrics",
        "get_system_history", "export_to_file", "list_exports", "validate_exports", "list_agents",
        "get_agent_metadata", "update_agent_metadata", "archive_agent", "direct_resume_if_safe",
        "mark_response_complete", "get_thresholds", "set_thresholds", "health_check", "store_knowledge_graph",
        "search_knowledge_graph", "get_knowledge_graph", "list_knowledge_graph", "find_similar_discoveries_graph",
        "update_discovery_status_graph", "request_dialectic_review", "submit_thesis", "get_dialectic_session",
        "self_recovery", "list_context_documents", "observe_agent", "list_tools", "no_such_tool", "" };
    private static final String[] METHODS = { "initialize", "tools/list", "tools/call", "resources/read",
        "resources/templates/list", "resources/list", "prompts/list", "prompts/get", "ping", "completion/complete",
        "logging/setLevel", "notifications/initialized", "no/such/method", "", "rpc.discover" };
    private static final Object[] IDS = { 1, "a", 0, -1, Long.MAX_VALUE, "9".repeat(400), 1.5, true, List.of(1),
        Map.of("x", 1) };
    private static final Object[] HOSTILE = { "../../etc/passwd", "%00", "\u0000", "a".repeat(70_000), -1e308, 1e308,
        Double.MIN_VALUE, List.of(), Map.of(), "<script>", "' OR 1=1 --", true, 12345678901234L };

    private final RequestFuzzer.Fixtures fixtures;

    McpFuzzer(RequestFuzzer.Fixtures fixtures) {
        this.fixtures = fixtures;
    }

    RequestFuzzer.Request next(Random random) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("Accept", "application/json, text/event-stream");
        StringBuilder notes = new StringBuilder("POST /mcp");
        String agent = fixtures.agentId(random);
        if (random.nextInt(10) == 0) {
            String key = random.nextBoolean() ? fixtures.keyOf(agent) : fixtures.adminToken();
            if (key != null) {
                headers.put("Authorization", "Bearer " + key);
                notes.append(" bearer");
            }
        }
        if (random.nextInt(25) == 0) {
            headers.put("Origin", random.nextBoolean() ? "http://evil.example" : "null");
            notes.append(" foreign origin");
        }
        if (random.nextInt(30) == 0) {
            headers.put("Content-Type", random.nextBoolean() ? "text/plain" : "application/json; charset=latin1");
            notes.append(" content-type ").append(headers.get("Content-Type"));
        }
        if (random.nextInt(30) == 0) {
            headers.put("Accept", random.nextBoolean() ? "application/json" : "*/*");
            notes.append(" accept ").append(headers.get("Accept"));
        }
        String method = random.nextInt(20) == 0 ? pick(new String[] { "GET", "DELETE", "PUT", "OPTIONS" }, random)
                : "POST";
        byte[] body = body(random, agent, notes);
        notes.insert(0, method.equals("POST") ? "" : method + " instead of ");
        return new RequestFuzzer.Request(method, PATH, headers, method.equals("GET") ? null : body, notes.toString());
    }

    private byte[] body(Random random, String agent, StringBuilder notes) {
        switch (random.nextInt(12)) {
            case 0 -> {
                notes.append(" malformed JSON");
                String text = ApiClient.JSON.writeValueAsString(call(random, agent, notes));
                return text.substring(0, random.nextInt(Math.max(1, text.length()))).getBytes(StandardCharsets.UTF_8);
            }
            case 1 -> {
                notes.append(" batch");
                List<Object> batch = new ArrayList<>();
                for (int n = random.nextInt(50); n >= 0; n--) {
                    batch.add(call(random, agent, notes));
                }
                return json(batch);
            }
            case 2 -> {
                Object scalar = pick(new Object[] { "null", "\"x\"", "1", "[]", "true", "{}", "" }, random);
                notes.append(" body ").append(scalar);
                return scalar.toString().getBytes(StandardCharsets.UTF_8);
            }
            case 3 -> {
                notes.append(" deep arguments");
                int depth = 400 + random.nextInt(400);
                return ("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":"
                        + "\"get_thresholds\",\"arguments\":{\"a\":" + "[".repeat(depth) + "1" + "]".repeat(depth)
                        + "}}}").getBytes(StandardCharsets.UTF_8);
            }
            default -> {
                return json(call(random, agent, notes));
            }
        }
    }

    /** One JSON-RPC message: mostly a tools/call, otherwise any method; fields dropped or mistyped at times. */
    private Map<String, Object> call(Random random, String agent, StringBuilder notes) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("jsonrpc", random.nextInt(30) == 0 ? "1.0" : "2.0");
        if (random.nextInt(15) != 0) {
            message.put("id", random.nextInt(5) == 0 ? pick(IDS, random) : random.nextInt(1_000_000));
        }
        String method = random.nextInt(3) == 0 ? pick(METHODS, random) : "tools/call";
        message.put("method", method);
        notes.append(" ").append(method);
        if (random.nextInt(15) == 0) {
            notes.append(" without params");
            return message;
        }
        if (method.equals("tools/call")) {
            String tool = pick(TOOLS, random);
            notes.append(" ").append(tool);
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("name", random.nextInt(25) == 0 ? pick(HOSTILE, random) : tool);
            params.put("arguments", random.nextInt(25) == 0 ? pick(HOSTILE, random) : arguments(random, agent, notes));
            message.put("params", params);
        } else if (method.equals("resources/read")) {
            message.put("params", Map.of("uri", random.nextBoolean()
                    ? "govflow://agents/" + agent + "/context/project.notes" : pick(HOSTILE, random).toString()));
        } else if (method.equals("initialize")) {
            message.put("params", Map.of("protocolVersion", random.nextBoolean() ? "2025-06-18" : "1999-01-01",
                    "capabilities", Map.of(), "clientInfo", Map.of("name", "fuzz", "version", "1")));
        } else {
            message.put("params", random.nextBoolean() ? Map.of() : Map.of("cursor", pick(HOSTILE, random)));
        }
        return message;
    }

    private Map<String, Object> arguments(Random random, String agent, StringBuilder notes) {
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("agent_id", random.nextInt(10) == 0 ? pick(HOSTILE, random) : agent);
        String key = fixtures.keyOf(agent);
        int credential = random.nextInt(6);
        if (credential < 3 && key != null) {
            arguments.put("api_key", key);
        } else if (credential == 3) {
            arguments.put("api_key", fixtures.adminToken());
        } else if (credential == 4) {
            arguments.put("api_key", random.nextBoolean() ? "gvf_wrong" : pick(HOSTILE, random));
            notes.append(" wrong key");
        }
        arguments.put("complexity", random.nextInt(5) == 0 ? pick(HOSTILE, random) : random.nextDouble());
        arguments.put("confidence", random.nextDouble());
        if (random.nextBoolean()) {
            arguments.put("ethical_drift", List.of(random.nextDouble(), 0.0, 0.0));
        }
        if (random.nextInt(4) == 0) {
            Object value = pick(HOSTILE, random);
            String name = pick(new String[] { "session_id", "discovery_id", "format", "limit", "status", "tags",
                "summary", "discovery_type", "confirm", "page", "size", "kind", "filename", "q", "bogus" }, random);
            arguments.put(name, value);
            notes.append(" ").append(name).append("=hostile");
        }
        return arguments;
    }

    private static byte[] json(Object value) {
        return ApiClient.JSON.writeValueAsBytes(value);
    }

    private static <T> T pick(T[] values, Random random) {
        return values[random.nextInt(values.length)];
    }

    static @Nullable String issuedKey(@Nullable JsonNode json) {
        if (json == null) {
            return null;
        }
        JsonNode key = json.path("result").path("structuredContent").path("registration")
                .path("api_key");
        return key.isString() ? key.asString() : null;
    }
}
