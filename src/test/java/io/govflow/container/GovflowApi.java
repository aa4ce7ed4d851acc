package io.govflow.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The few calls of the HTTP API the deployment tests need (snake_case JSON, Bearer keys). */
final class GovflowApi {

    static final JsonMapper JSON = JsonMapper.shared();

    /** One ordinary unit of work, as an agent would report it. */
    static final Map<String, Object> UPDATE = Map.of(
            "complexity", 0.5,
            "confidence", 0.9,
            "ethical_drift", List.of(0.1, 0, 0),
            "response_text", "did work");

    record Response(int status, String text) {

        JsonNode json() {
            return JSON.readTree(text);
        }

        boolean ok() {
            return status / 100 == 2;
        }
    }

    private final String baseUrl;
    private final HttpClient client;

    GovflowApi(String baseUrl) {
        this.baseUrl = baseUrl;
        this.client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .proxy(HttpClient.Builder.NO_PROXY)
                .build();
    }

    Response get(String path, @Nullable String bearer) throws IOException, InterruptedException {
        return send(request(path, bearer).GET());
    }

    Response post(String path, @Nullable String bearer, Object body) throws IOException, InterruptedException {
        return send(request(path, bearer)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    /** {@link #update} with an {@code Idempotency-Key}: repeating it repeats the first answer, not the update. */
    Response update(String agentId, String key, String idempotencyKey) throws IOException, InterruptedException {
        return send(request("/api/v1/agents/" + agentId + "/updates", key)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(UPDATE))));
    }

    /** One JSON-RPC message to the MCP endpoint, as a Streamable HTTP client posts it. */
    Response mcp(Object message) throws IOException, InterruptedException {
        return send(request("/mcp", null)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(message))));
    }

    /** Registers {@code agentId} (open registration) and returns its API key. */
    String register(String agentId) throws IOException, InterruptedException {
        return register(agentId, null);
    }

    /** Registers {@code agentId} with {@code bearer} (the admin token where registration is closed). */
    String register(String agentId, @Nullable String bearer) throws IOException, InterruptedException {
        Response response = post("/api/v1/agents", bearer, Map.of("agent_id", agentId));
        assertThat(response.status()).as("register %s: %s", agentId, response.text()).isEqualTo(201);
        JsonNode body = response.json();
        assertThat(body.path("success").asBoolean(false)).as(response.text()).isTrue();
        String key = body.path("api_key").asString("");
        assertThat(key).as("api_key in %s", response.text()).isNotBlank();
        return key;
    }

    Response update(String agentId, String key) throws IOException, InterruptedException {
        return post("/api/v1/agents/" + agentId + "/updates", key, UPDATE);
    }

    Response metrics(String agentId, String key) throws IOException, InterruptedException {
        return get("/api/v1/agents/" + agentId + "/metrics", key);
    }

    Response agent(String agentId, String key) throws IOException, InterruptedException {
        return get("/api/v1/agents/" + agentId, key);
    }

    /** {@code state.update_count} of the agent's metrics, which must answer 200. */
    long updateCount(String agentId, String key) throws IOException, InterruptedException {
        Response response = metrics(agentId, key);
        assertThat(response.status()).as("metrics of %s: %s", agentId, response.text()).isEqualTo(200);
        JsonNode count = response.json().at("/state/update_count");
        assertThat(count.isNumber()).as("state.update_count in %s", response.text()).isTrue();
        return count.asLong();
    }

    /** {@code agent.total_updates} of the agent's metadata, which must answer 200. */
    long totalUpdates(String agentId, String key) throws IOException, InterruptedException {
        Response response = agent(agentId, key);
        assertThat(response.status()).as("agent %s: %s", agentId, response.text()).isEqualTo(200);
        JsonNode total = response.json().at("/agent/total_updates");
        assertThat(total.isNumber()).as("agent.total_updates in %s", response.text()).isTrue();
        return total.asLong();
    }

    private HttpRequest.Builder request(String path, @Nullable String bearer) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30));
        if (bearer != null) {
            builder.header("Authorization", "Bearer " + bearer);
        }
        return builder;
    }

    private Response send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), response.body());
    }
}
