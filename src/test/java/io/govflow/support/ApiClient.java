package io.govflow.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small JSON-over-HTTP client for tests, talking to 127.0.0.1 only. */
public final class ApiClient {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public ApiClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** A response with its parsed body (null when the body is not JSON). */
    public record Reply(int status, java.net.http.HttpHeaders headers, String raw, @Nullable JsonNode json) {
        public JsonNode body() {
            if (json == null) {
                throw new AssertionError("not a JSON body (status " + status + "): " + raw);
            }
            return json;
        }
    }

    public Reply get(String path, @Nullable String bearer) {
        return send("GET", path, bearer, null, Map.of());
    }

    public Reply post(String path, @Nullable String bearer, @Nullable Object body) {
        return send("POST", path, bearer, body, Map.of());
    }

    public Reply send(String method, String path, @Nullable String bearer, @Nullable Object body,
            Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(60));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        headers.forEach(request::header);
        if (body != null) {
            String text = body instanceof String s ? s : JSON.writeValueAsString(body);
            request.header("Content-Type", headers.getOrDefault("Content-Type", "application/json"));
            request.method(method, HttpRequest.BodyPublishers.ofString(text));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Reply reply = new Reply(response.statusCode(), response.headers(), response.body(), parse(response.body()));
            SecretLedger.inspectResponse(method + " " + path, reply.status(), reply.raw(), issuedKey(reply.json()));
            ContractLedger.inspect(this, method, path, reply);
            return reply;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Registers an agent and returns its key. */
    public String register(String agentId) {
        Reply reply = post("/api/v1/agents", null, Map.of("agent_id", agentId));
        if (reply.status() != 201) {
            throw new AssertionError("registration failed: " + reply.status() + " " + reply.raw());
        }
        return reply.body().get("api_key").asString();
    }

    private static @Nullable String issuedKey(@Nullable JsonNode body) {
        JsonNode key = body == null || !body.isObject() ? null : body.get("api_key");
        return key != null && key.isString() ? key.asString() : null;
    }

    private static @Nullable JsonNode parse(String body) {
        if (body.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
