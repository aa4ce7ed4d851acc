package io.govflow.web.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.govflow.support.ApiClient;
import io.govflow.support.ApiClient.Reply;
import io.govflow.support.OpenApiContract;
import io.govflow.support.RunningApp;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every documented status, header and body is what the service really sends: a walk through the API (the README
 * tour and most other operations, successes and errors) with every answer checked against the document.
 */
class ResponseContractHttpTest {

    private static final String ADMIN = "contract-test-admin-token";
    private static final String AGENT = "scout_20251201";
    private static final String OWNER = "finder_agent_07";
    private static final String EXAMPLE_KEY = "gvf_EXAMPLE-only-shown-once-keep-it-secret-0000000";

    @TempDir
    Path dataDir;

    private final List<String> violations = new ArrayList<>();
    private final Set<String> answered = new LinkedHashSet<>();
    /** The first JSON success body of each operation: the examples the document shows. */
    private final Map<String, JsonNode> firstAnswers = new TreeMap<>();
    private @Nullable ApiClient client;
    private @Nullable OpenApiContract contract;

    @Test
    void everyAnswerFitsTheDocument() {
        try (RunningApp app = RunningApp.start(dataDir, "--govflow.security.admin-token=" + ADMIN)) {
            client = app.client();
            contract = OpenApiContract.of(client);

            Reply registered = call("POST", "/api/v1/agents", null, Map.of("agent_id", AGENT, "tags",
                    List.of("research"), "notes", "Explores the export flow"));
            String key = registered.body().get("api_key").asString();
            String owner = call("POST", "/api/v1/agents", null, Map.of("agent_id", OWNER)).body().get("api_key")
                    .asString();
            String agent = "/api/v1/agents/" + AGENT;

            call("POST", agent + "/updates", key, Map.of("complexity", 0.5, "confidence", 0.9, "response_text",
                    "Refactored the export handler.", "ethical_drift", List.of(0.1, 0.0, 0.0)));
            call("POST", agent + "/updates", key, Map.of("complexity", 0.4, "auto_export_on_significance", true));
            call("POST", agent + "/simulations", key, Map.of("complexity", 0.9));
            call("GET", agent + "/metrics", key, null);
            Reply got = call("GET", agent, key, null);
            String etag = got.headers().firstValue("ETag").orElseThrow();
            call("PATCH", agent, key, Map.of("notes", "Owns the export flow"), Map.of("If-Match", etag));
            call("PATCH", agent, key, Map.of("notes", "Stale"), Map.of("If-Match", etag));
            call("GET", "/api/v1/agents?status=active&size=10", key, null);

            call("GET", agent + "/history", key, null);
            call("GET", agent + "/history?format=csv", key, null);
            call("GET", agent + "/history/download?format=csv", key, null);
            call("GET", agent + "/history/download", key, null);
            Reply exported = call("POST", agent + "/exports", key, Map.of("format", "csv"));
            call("POST", agent + "/exports", key, Map.of("complete_package", true, "filename", "weekly_report"));
            call("POST", agent + "/exports", key, Map.of("complete_package", true, "filename", "weekly_report"));
            call("GET", "/api/v1/exports?agent_id=" + AGENT, key, null);
            call("GET", "/api/v1/exports/history/" + exported.body().get("filename").asString(), key, null);
            call("GET", "/api/v1/exports/package/weekly_report.json", key, null);
            call("GET", "/api/v1/exports/package/missing.json", key, null);
            call("POST", "/api/v1/exports/validation", key, Map.of());

            String context = agent + "/context/project.plan";
            call("PUT", context, key, Map.of("src", "planner.v2", "d", Map.of("goal", "ship the export flow")));
            call("PUT", context, key, Map.of("src", "planner.v2", "d", Map.of("goal", "ship the csv export"),
                    "q", List.of("export plan"), "ttl_s", 3600));
            call("GET", context, key, null);
            call("GET", context + "?view=full", key, null);
            call("GET", agent + "/context/governance.state", key, null);
            call("GET", context + "/drift", key, null);
            call("GET", agent + "/context", key, null);
            call("DELETE", context, key, null);
            call("GET", context, key, null);

            // the agent's finding first: the owner's discovery links to it, which gives the agent a stake to dispute
            call("POST", "/api/v1/discoveries", key, Map.of("agent_id", AGENT, "type", "insight",
                    "summary", "CSV rows follow the log", "tags", List.of("export")));
            Reply stored = call("POST", "/api/v1/discoveries", owner, Map.of("agent_id", OWNER, "type", "bug_found",
                    "summary", "Exports drop the last row", "tags", List.of("export", "csv"), "severity", "high"));
            String did = stored.body().get("discovery_id").asString();
            call("GET", "/api/v1/discoveries?tags=export&q=rows", key, null);
            call("GET", "/api/v1/discoveries/stats", key, null);
            call("GET", "/api/v1/discoveries/" + did, key, null);
            call("GET", "/api/v1/discoveries/" + did + "/similar", key, null);
            call("GET", "/api/v1/agents/" + OWNER + "/discoveries", key, null);

            Reply created = call("POST", "/api/v1/dialectic/sessions", key, Map.of("agent_id", AGENT,
                    "discovery_id", did, "dispute_type", "correction", "reason", "Only when the window is full"));
            String session = "/api/v1/dialectic/sessions/" + created.body().get("session_id").asString();
            List<String> agreed = List.of("Correct the summary: only when the history window is full");
            call("POST", session + "/thesis", key, Map.of("root_cause", "The summary is too broad",
                    "proposed_conditions", agreed, "reasoning", "It happens only with a full window"));
            call("POST", session + "/antithesis", owner, Map.of("concerns", List.of("Check the window size"),
                    "reasoning", "Plausible"));
            call("POST", session + "/synthesis", key, Map.of("agrees", true, "proposed_conditions", agreed,
                    "root_cause", "The summary is too broad"));
            call("POST", session + "/synthesis", owner, Map.of("agrees", true, "proposed_conditions", agreed,
                    "root_cause", "The summary is too broad"));
            call("GET", session, key, null);
            call("GET", agent + "/dialectic-sessions", key, null);
            call("POST", agent + "/self-recovery", key, Map.of());

            call("GET", "/api/v1/config/thresholds", key, null);
            call("PUT", "/api/v1/config/thresholds", ADMIN, Map.of("risk_approve_threshold", 0.35,
                    "risk_revise_threshold", 0.6, "coherence_critical_threshold", 0.4, "void_threshold_initial", 0.15));
            call("PUT", "/api/v1/config/thresholds", key, Map.of("risk_approve_threshold", 0.35,
                    "risk_revise_threshold", 0.6, "coherence_critical_threshold", 0.4, "void_threshold_initial", 0.15));
            call("GET", "/api/v1/consistency", ADMIN, null);
            call("POST", "/api/v1/maintenance/repair", ADMIN, Map.of("dry_run", true));
            call("POST", "/api/v1/maintenance/migrate", ADMIN, Map.of("dry_run", true));
            call("GET", "/api/v1/maintenance/locks", ADMIN, null);
            call("POST", "/api/v1/maintenance/locks/cleanup", ADMIN, Map.of("dry_run", true));
            call("POST", "/api/v1/maintenance/adopt", ADMIN, Map.of("agent_id", "orphan_agent_07"));

            call("POST", agent + "/response-complete", key, Map.of("summary", "Delivered"));
            call("POST", agent + "/archive", key, Map.of("reason", "Project finished"));
            call("POST", agent + "/resume", key, Map.of("reason", "Back to work"));
            String rotated = call("POST", "/api/v1/agents/" + OWNER + "/api-key/rotate", owner, null).body()
                    .get("api_key").asString();

            // errors: not found, invalid ids, no or a wrong credential, conflicts, bad bodies, another media type
            call("GET", "/api/v1/agents/nobody_here/metrics", key, null);
            call("GET", "/api/v1/agents/x/metrics", key, null);
            call("GET", agent + "/metrics", null, null);
            call("GET", agent + "/metrics", "gvf_not_a_key", null);
            call("POST", "/api/v1/agents", null, Map.of("agent_id", AGENT));
            call("POST", "/api/v1/agents", null, Map.of("agent_id", "ok_id", "tags", List.of("bad tag!")));
            call("POST", agent + "/updates", key, "{\"complexity\": ");
            call("POST", agent + "/updates", key, "a=b", Map.of("Content-Type", "application/x-www-form-urlencoded"));
            call("GET", "/api/v1/consistency", key, null);
            call("GET", agent + "/metrics", key, null, Map.of("Accept", "text/csv"));
            // a reused Idempotency-Key (409); a deleted agent's key no longer works, so the conflict comes from here
            String owned = "/api/v1/agents/" + OWNER + "/updates";
            call("POST", owned, rotated, Map.of("complexity", 0.3), Map.of("Idempotency-Key", "walk-reuse-0001"));
            call("POST", owned, rotated, Map.of("complexity", 0.6), Map.of("Idempotency-Key", "walk-reuse-0001"));
            call("POST", "/api/v1/agents/" + OWNER + "/api-key/revoke", ADMIN, null);
            call("DELETE", "/api/v1/agents/" + OWNER, ADMIN, null);
        }
        assertThat(violations).as("answers that do not fit the OpenAPI document").isEmpty();
        if (Boolean.getBoolean("openapi.examples.update")) {
            writeExamples();
        } else {
            assertThat(contract.operationsWithExamples()).as("operations whose answers the walk recorded show one")
                    .containsAll(firstAnswers.keySet());
        }
        assertThat(contract.exampleViolations()).as("examples that do not fit their schema").isEmpty();
        assertThat(answered).as("the walk reached the answers it means to check").contains(
                "POST /api/v1/agents 201", "POST /api/v1/agents/{id}/exports 201", "POST /api/v1/discoveries 201",
                "POST /api/v1/dialectic/sessions 201", "PUT /api/v1/agents/{id}/context/{type} 201",
                "PUT /api/v1/agents/{id}/context/{type} 200", "GET /api/v1/agents/{id}/history/download 200",
                "GET /api/v1/exports/{kind}/{filename} 200", "PATCH /api/v1/agents/{id} 412",
                "GET /api/v1/agents/{id}/metrics 401", "GET /api/v1/agents/{id}/metrics 404",
                "GET /api/v1/agents/{id}/metrics 400", "POST /api/v1/agents 409", "POST /api/v1/agents 400",
                "POST /api/v1/agents/{id}/updates 415", "GET /api/v1/consistency 403", "GET /api/v1/agents/{id}/metrics 406",
                "PUT /api/v1/config/thresholds 403", "POST /api/v1/agents/{id}/updates 409");
        assertThat(answered).hasSizeGreaterThan(55);
    }

    @Test
    void closedRegistrationAnswersFitTheDocument() {
        try (RunningApp app = RunningApp.start(dataDir, "--govflow.security.admin-token=" + ADMIN,
                "--govflow.security.open-registration=false")) {
            client = app.client();
            contract = OpenApiContract.of(client);
            String key = call("POST", "/api/v1/agents", ADMIN, Map.of("agent_id", AGENT)).body().get("api_key")
                    .asString();
            call("POST", "/api/v1/agents", null, Map.of("agent_id", OWNER));
            call("POST", "/api/v1/agents", "not-the-admin-token", Map.of("agent_id", OWNER));
            call("POST", "/api/v1/agents", key, Map.of("agent_id", OWNER));
        }
        try (RunningApp app = RunningApp.start(dataDir, "--govflow.security.open-registration=false")) {
            client = app.client();
            contract = OpenApiContract.of(client);
            call("POST", "/api/v1/agents", null, Map.of("agent_id", OWNER));
        }
        assertThat(violations).as("answers that do not fit the OpenAPI document").isEmpty();
        assertThat(answered).containsExactly("POST /api/v1/agents 201", "POST /api/v1/agents 401",
                "POST /api/v1/agents 403");
    }

    /**
     * Records the first answer of each operation as its example ({@code -Dopenapi.examples.update=true}), with
     * every issued key replaced by a placeholder.
     */
    private void writeExamples() {
        Path directory = Path.of("src", "main", "resources", "openapi", "examples");
        try {
            Files.createDirectories(directory);
            for (Map.Entry<String, JsonNode> answer : firstAnswers.entrySet()) {
                JsonNode example = answer.getValue().deepCopy();
                if (example instanceof ObjectNode object && object.has("api_key")) {
                    object.put("api_key", EXAMPLE_KEY);
                }
                Files.writeString(directory.resolve(answer.getKey() + ".json"),
                        ApiClient.JSON.writer(SerializationFeature.INDENT_OUTPUT).writeValueAsString(example) + "\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Reply call(String method, String path, @Nullable String bearer, @Nullable Object body) {
        return call(method, path, bearer, body, Map.of());
    }

    private Reply call(String method, String path, @Nullable String bearer, @Nullable Object body,
            Map<String, String> headers) {
        assert client != null && contract != null;
        Reply reply = client.send(method, path, bearer, body, headers);
        violations.addAll(contract.violations(method, path, reply));
        answered.add(method + " " + contract.templateOf(path) + " " + reply.status());
        String operationId = contract.operationId(method, path);
        if (operationId != null && reply.status() / 100 == 2 && reply.json() != null
                && contract.answersJsonValues(operationId)
                && reply.headers().firstValue("Content-Type").orElse("").startsWith("application/json")) {
            firstAnswers.putIfAbsent(operationId, reply.json());
        }
        return reply;
    }
}
