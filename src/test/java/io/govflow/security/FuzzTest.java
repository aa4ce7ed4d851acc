package io.govflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import io.govflow.durability.workload.Harness;
import io.govflow.support.ApiClient;
import io.govflow.support.DataDirChecks;
import io.govflow.support.LongHarness;
import io.govflow.support.RunningApp;
import io.govflow.support.SecretLedger;
import io.govflow.support.StoreInvariants;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The fuzz test: {@code fuzz.requests} (10 000 by default, more with {@code -Psoak}) generated requests over
 * every operation of the service's OpenAPI document ({@link RequestFuzzer}: valid and mutated bodies, hostile path
 * segments and query values, random methods, credentials and headers), from {@code fuzz.threads} clients with
 * seeds derived from {@code fuzz.seed} (logged; one thread replays exactly). Zero 5xx; every error answer is the
 * envelope with its request id; no answer carries another agent's credential; afterwards the service answers
 * {@code /actuator/health}, the consistency endpoint reports no error and the data directory keeps the commit
 * invariants and holds no credential.
 */
@LongHarness
class FuzzTest {

    private static final String NOT_SENT = "not sent";

    @TempDir
    Path work;

    @Test
    void tenThousandGeneratedRequestsNeverBreakTheServiceOrItsData() throws Exception {
        int total = Integer.getInteger("fuzz.requests", 10_000);
        int threads = Integer.getInteger("fuzz.threads", 4);
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        System.out.printf("fuzz: requests=%d threads=%d seed=%d (-Dfuzz.seed=%d -Dfuzz.threads=1 replays one"
                + " stream)%n", total, threads, seed, seed);
        Path dataDir = Files.createDirectories(work.resolve("data"));
        try (RunningApp app = RunningApp.start(dataDir, Harness.serviceArgs())) {
            Fixtures fixtures = new Fixtures(app.client());
            RequestFuzzer fuzzer = new RequestFuzzer(app.client().get("/v3/api-docs", null).body(), fixtures);
            McpFuzzer mcp = new McpFuzzer(fixtures);
            assertThat(fuzzer.operations()).hasSizeGreaterThan(25);
            List<String> violations = new CopyOnWriteArrayList<>();
            Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
            AtomicInteger sent = new AtomicInteger();
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<?>> clients = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Random random = new Random(seed + t);
                int share = total / threads + (t < total % threads ? 1 : 0);
                clients.add(pool.submit(() -> {
                    int answered = 0;
                    while (answered < share) {
                        RequestFuzzer.Request request = random.nextInt(8) == 0 ? mcp.next(random)
                                : fuzzer.next(random);
                        String outcome = send(http, app.port(), request, fixtures, violations);
                        if (!outcome.equals(NOT_SENT)) {
                            outcomes.computeIfAbsent(outcome, k -> new AtomicInteger()).incrementAndGet();
                            sent.incrementAndGet();
                            answered++;
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> client : clients) {
                client.get();
            }
            pool.shutdown();
            System.out.printf("fuzz: %d requests, answers %s%n", sent.get(), new TreeMap<>(outcomes));
            assertThat(sent.get()).isGreaterThanOrEqualTo(total);
            assertThat(violations.stream().limit(20).toList()).as("violations (first 20 of %d)", violations.size())
                    .isEmpty();

            ApiClient client = app.client();
            assertThat(client.get("/actuator/health", null).status()).isEqualTo(200);
            assertThat(client.get("/actuator/health/readiness", null).status()).isEqualTo(200);
            Harness.assertConsistent(client);
            new StoreInvariants(dataDir).assertCheckpointsNotAhead();
            app.flushCheckpoints();
            new StoreInvariants(dataDir).assertHold();
            DataDirChecks.assertJsonFilesParse(dataDir);
            DataDirChecks.assertNoTempFiles(dataDir);
            SecretLedger.assertAbsentUnder(dataDir);
        }
    }

    /** Sends one request; returns "status code" for the tally, records any violation. */
    private static String send(HttpClient http, int port, RequestFuzzer.Request request, Fixtures fixtures,
            List<String> violations) {
        HttpRequest.Builder builder;
        try {
            builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + request.path()))
                    .timeout(Duration.ofSeconds(60));
        } catch (IllegalArgumentException unsendable) {
            return NOT_SENT; // not a URI at all (a bare '%'): the raw-socket cases of HostileInputTest send those
        }
        request.headers().forEach((name, value) -> {
            try {
                builder.header(name, value);
            } catch (IllegalArgumentException restricted) {
                // a header the JDK client refuses to send (e.g. a value with CR/LF)
            }
        });
        builder.method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        HttpResponse<String> response;
        try {
            response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            violations.add("no answer (" + e.getClass().getSimpleName() + "): " + request.description());
            return "no answer";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
        return check(request, response, fixtures, violations);
    }

    private static String check(RequestFuzzer.Request request, HttpResponse<String> response, Fixtures fixtures,
            List<String> violations) {
        if (request.path().equals(McpFuzzer.PATH)) {
            return checkMcp(request, response, fixtures, violations);
        }
        int status = response.statusCode();
        String body = response.body();
        JsonNode json = parse(body);
        String code = json != null && json.has("error_code") ? json.get("error_code").asString() : "";
        try {
            SecretLedger.inspectResponse(request.description(), status, body, issuedKey(json, status));
        } catch (AssertionError leak) {
            violations.add(leak.getMessage() + ": " + request.description());
        }
        fixtures.learn(request, status, json);
        if (status >= 500) {
            violations.add(status + " " + code + ": " + request.description());
        }
        if (status >= 400 && !"HEAD".equals(request.method())) {
            String problem = envelopeProblem(response, json, status);
            if (problem != null) {
                violations.add(problem + " (" + status + "): " + request.description() + " → "
                        + body.substring(0, Math.min(200, body.length())));
            }
        }
        return status + (code.isEmpty() ? "" : " " + code);
    }

    /**
     * An answer of {@code /mcp}: never a 5xx; a JSON-RPC error (code and message), a result (a tool error's
     * structured content is a complete envelope), an accepted notification (202, no body), or, for what the
     * HTTP layer refuses (foreign origin, method, media type, size), the envelope.
     */
    private static String checkMcp(RequestFuzzer.Request request, HttpResponse<String> response, Fixtures fixtures,
            List<String> violations) {
        int status = response.statusCode();
        String body = response.body();
        JsonNode json = parse(body);
        try {
            SecretLedger.inspectResponse(request.description(), status, body, McpFuzzer.issuedKey(json));
        } catch (AssertionError leak) {
            violations.add(leak.getMessage() + ": " + request.description());
        }
        String problem = mcpProblem(response, json, status);
        if (status >= 500 || problem != null) {
            violations.add("MCP " + status + " " + problem + ": " + request.description() + " → "
                    + body.substring(0, Math.min(200, body.length())));
        }
        JsonNode content = json == null ? null : json.path("result").path("structuredContent");
        if (content != null && content.isObject()) {
            fixtures.learn(request, content.path("registration").isObject() ? 200 : 400, content.path("registration"));
        }
        String code = content != null && content.has("error_code") ? " " + content.get("error_code").asString()
                : json != null && json.has("error_code") ? " " + json.get("error_code").asString()
                : json != null && json.has("error") ? " rpc " + json.path("error").path("code").asInt() : "";
        return "MCP " + status + code;
    }

    private static @Nullable String mcpProblem(HttpResponse<String> response, @Nullable JsonNode json, int status) {
        if (json == null) {
            // an accepted notification; OPTIONS answers its Allow header only
            return (status == 202 || status == 200) && response.body().isEmpty() ? null : "not JSON";
        }
        String text = json.toString();
        if (text.contains("Exception") || text.contains("\tat ") || text.contains("/tmp/")
                || text.contains("stackTrace")) {
            return "internal detail in the answer";
        }
        if (json.has("error_code")) {
            return envelopeProblem(response, json, status);
        }
        if (json.has("error")) {
            JsonNode error = json.get("error");
            return error.path("code").isInt() && error.path("message").isString() ? null : "incomplete JSON-RPC error";
        }
        JsonNode result = json.path("result");
        if (!result.isObject()) {
            return "neither result nor error";
        }
        if (result.path("isError").asBoolean(false)) {
            JsonNode envelope = result.path("structuredContent");
            boolean ok = !envelope.path("success").asBoolean(true) && !envelope.path("error_code").asString("").isEmpty()
                    && envelope.path("recovery").has("action") && envelope.path("request_id").asString("").length() == 32;
            return ok ? null : "tool error without a complete envelope";
        }
        return null;
    }

    private static @Nullable String envelopeProblem(HttpResponse<String> response, @Nullable JsonNode json,
            int status) {
        if (json == null || !json.isObject()) {
            return "not an envelope";
        }
        if (!response.headers().firstValue("Content-Type").orElse("").contains("application/problem+json")) {
            return "not application/problem+json";
        }
        String requestId = response.headers().firstValue("X-Request-Id").orElse("");
        boolean ok = !json.path("success").asBoolean(true) && json.path("status").asInt() == status
                && !json.path("error_code").asString("").isEmpty() && json.path("recovery").has("action")
                && requestId.equals(json.path("request_id").asString());
        String text = json.toString();
        if (text.contains("Exception") || text.contains("\tat ") || text.contains("/tmp/")) {
            return "internal detail in the envelope";
        }
        return ok ? null : "incomplete envelope";
    }

    private static @Nullable String issuedKey(@Nullable JsonNode json, int status) {
        if (json == null || status >= 300 || !json.isObject() || !json.path("api_key").isString()) {
            return null;
        }
        return json.get("api_key").asString();
    }

    private static @Nullable JsonNode parse(String body) {
        if (body.isBlank()) {
            return null;
        }
        try {
            return ApiClient.JSON.readTree(body);
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    /** The agents the fuzzer knows (their keys follow registrations and rotations) and other known names. */
    private static final class Fixtures implements RequestFuzzer.Fixtures {

        private final List<String> agents = new CopyOnWriteArrayList<>();
        private final Map<String, String> keys = new ConcurrentHashMap<>();
        private final List<String> exportNames = new CopyOnWriteArrayList<>(List.of("none_history_x.json"));
        private final ApiClient client;
        private final AtomicInteger replacements = new AtomicInteger();

        Fixtures(ApiClient client) {
            this.client = client;
            for (int n = 0; n < 6; n++) {
                String id = "fuzz_agent_" + n;
                keys.put(id, client.register(id));
                agents.add(id);
                client.post("/api/v1/agents/" + id + "/updates", keys.get(id), Map.of());
            }
            agents.add("never_registered");
        }

        @Override
        public String agentId(Random random) {
            return agents.get(random.nextInt(agents.size()));
        }

        @Override
        public @Nullable String keyOf(String agentId) {
            return keys.get(agentId);
        }

        @Override
        public String adminToken() {
            return Harness.ADMIN_TOKEN;
        }

        @Override
        public List<String> knownValues(String variable) {
            return switch (variable) {
                case "type" -> List.of("project.notes", "governance.state", "governance.history", "a.b.c");
                case "kind" -> List.of("history", "package");
                case "filename" -> exportNames;
                default -> List.of();
            };
        }

        /**
         * Follows what the service hands out: new agents and keys, rotated keys, export names; a deleted agent is
         * replaced by a fresh one so that the writes keep reaching the store.
         */
        void learn(RequestFuzzer.Request request, int status, @Nullable JsonNode json) {
            if (json == null || status >= 300 || !json.isObject()) {
                return;
            }
            if ("DELETE".equals(request.method()) && request.path().matches("/api/v1/agents/[^/?]+")) {
                String deleted = request.path().substring("/api/v1/agents/".length());
                if (agents.remove(deleted)) {
                    String id = "fuzz_agent_r" + replacements.incrementAndGet();
                    keys.put(id, client.register(id));
                    agents.add(id);
                }
            }
            if (json.path("api_key").isString()) {
                String agent = json.path("agent_id").asString(json.path("agent").path("agent_id").asString(""));
                if (!agent.isEmpty()) {
                    keys.put(agent, json.get("api_key").asString());
                    if (!agents.contains(agent) && agents.size() < 40) {
                        agents.add(agent);
                    }
                }
            }
            if (json.path("filename").isString() && exportNames.size() < 50) {
                exportNames.add(json.get("filename").asString());
            }
        }
    }
}
