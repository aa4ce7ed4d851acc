package io.govflow.web.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.govflow.support.ApiClient;
import io.govflow.support.ApiClient.Reply;
import io.govflow.support.DataDir;
import io.govflow.support.GovflowApp;
import io.govflow.support.RunningApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/** Every failure path, ours, Spring's and Tomcat's, answers with the envelope over real HTTP. */
@GovflowApp(args = "--govflow.http.max-body=64KB")
class ErrorEnvelopeHttpTest {

    @DataDir
    static Path dataDir;

    static RunningApp app;
    static ApiClient client;
    static String key;
    static final List<String> bodies = new ArrayList<>();

    @BeforeAll
    static void start() {
        key = client.register("envelope_agent");
    }

    @AfterAll
    static void stop() {
        assertThat(bodies).isNotEmpty().allSatisfy(ErrorEnvelopeHttpTest::assertSanitized);
    }

    @Test
    void unknownRoute() {
        assertEnvelope(client.get("/api/v1/nothing-here", key), 404, "ROUTE_NOT_FOUND");
    }

    @Test
    void unknownActuatorSubPath() {
        assertEnvelope(client.get("/actuator/health/diskSpace", null), 404, "ROUTE_NOT_FOUND");
        assertEnvelope(client.get("/actuator/health/no_such_component", null), 404, "ROUTE_NOT_FOUND");
    }

    @Test
    void actuatorAnswersWithABodyPassUnchanged() {
        Reply health = client.get("/actuator/health", null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().get("status").asString()).isEqualTo("UP");
        // info needs the admin token (none is configured here): refused with the envelope
        assertEnvelope(client.get("/actuator/info", null), 403, "ADMIN_DISABLED");
    }

    @Test
    void wrongMethod() {
        Reply reply = client.send("DELETE", "/api/v1/agents/envelope_agent/updates", key, null, Map.of());
        assertEnvelope(reply, 405, "METHOD_NOT_ALLOWED");
    }

    @Test
    void malformedJson() {
        assertEnvelope(client.post("/api/v1/agents", null, "{\"agent_id\": "), 400, "MALFORMED_JSON");
    }

    @Test
    void hugeNumberIsMalformed() {
        String body = "{\"complexity\": 1" + "0".repeat(500) + "}";
        assertEnvelope(client.post("/api/v1/agents/envelope_agent/updates", key, body), 400, "MALFORMED_JSON");
    }

    @Test
    void infiniteNumberIsOutOfRange() {
        Reply reply = client.post("/api/v1/agents/envelope_agent/updates", key, "{\"ethical_drift\": [1e999999]}");
        assertEnvelope(reply, 400, "VALIDATION_FAILED");
    }

    @Test
    void deepNestingIsMalformed() {
        String body = "[".repeat(5000) + "]".repeat(5000);
        assertEnvelope(client.post("/api/v1/agents/envelope_agent/updates", key, body), 400, "MALFORMED_JSON");
    }

    @Test
    void unknownFieldIsNamed() {
        Reply reply = client.post("/api/v1/agents", null, Map.of("agent_id", "someone_new", "is_admin", true));
        assertEnvelope(reply, 400, "VALIDATION_FAILED");
        assertThat(reply.body().get("details").get("fields").get(0).get("field").asString()).isEqualTo("is_admin");
    }

    @Test
    void outOfRangeValuesAreListed() {
        Reply reply = client.post("/api/v1/agents/envelope_agent/updates", key,
                Map.of("complexity", 2, "confidence", -1));
        assertEnvelope(reply, 400, "VALIDATION_FAILED");
        assertThat(reply.body().get("details").get("fields").findValuesAsString("field"))
                .containsExactlyInAnyOrder("complexity", "confidence");
    }

    @Test
    void wrongTypeIsValidationFailure() {
        Reply reply = client.post("/api/v1/agents/envelope_agent/updates", key, "{\"complexity\": \"high\"}");
        assertEnvelope(reply, 400, "VALIDATION_FAILED");
    }

    @Test
    void unauthenticatedBadBodyIsUnauthorized() {
        Reply reply = client.post("/api/v1/agents/envelope_agent/updates", null, "{not json");
        assertEnvelope(reply, 401, "AUTHENTICATION_REQUIRED");
    }

    @Test
    void wrongMediaType() {
        Reply reply = client.send("POST", "/api/v1/agents", null, "agent_id=x",
                Map.of("Content-Type", "application/x-www-form-urlencoded"));
        assertEnvelope(reply, 415, "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void bodyTooLarge() {
        String text = "x".repeat(70 * 1024);
        Reply reply = client.post("/api/v1/agents/envelope_agent/updates", key, Map.of("response_text", text));
        assertEnvelope(reply, 413, "PAYLOAD_TOO_LARGE");
    }

    @ParameterizedTest
    @CsvSource({ "../etc", "a/b", "ab", "x_65_chars_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            "test", "default_agent", "with space" })
    void badAgentIdsAtRegistration(String agentId) {
        assertEnvelope(client.post("/api/v1/agents", null, Map.of("agent_id", agentId)), 400, "INVALID_AGENT_ID");
    }

    @Test
    void nulInRegistrationBody() {
        assertEnvelope(client.post("/api/v1/agents", null, "{\"agent_id\": \"abc\\u0000def\"}"), 400,
                "INVALID_AGENT_ID");
    }

    @ParameterizedTest
    @CsvSource({ "/api/v1/agents/a%2Fb/metrics", "/api/v1/agents/abc%00def/metrics", "/api/v1/agents/ab%/metrics",
            "/api/v1/agents/..%2Fetc/metrics", "/api/v1/agents/%2E%2E%2Fetc/metrics" })
    void rejectedByTomcatStillGetsEnvelope(String rawPath) {
        RawHttp.Raw raw = RawHttp.get(app.port(), rawPath);
        assertThat(raw.status()).isEqualTo(400);
        assertThat(raw.head()).containsIgnoringCase("application/problem+json");
        JsonNode body = ApiClient.JSON.readTree(raw.body());
        assertThat(body.get("error_code").asString()).isEqualTo("INVALID_AGENT_ID");
        assertThat(body.get("success").asBoolean()).isFalse();
        bodies.add(raw.body());
    }

    @ParameterizedTest
    @CsvSource({ "/api/v1/agents/x_65_chars_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/metrics",
            "/api/v1/agents/a.b/metrics", "/api/v1/agents/ab/metrics" })
    void badAgentIdsInPaths(String path) {
        assertEnvelope(client.get(path, key), 400, "INVALID_AGENT_ID");
    }

    @Test
    void unknownAgent() {
        Reply reply = client.post("/api/v1/agents/nobody_here/updates", key, Map.of());
        assertEnvelope(reply, 404, "AGENT_NOT_FOUND");
        assertThat(reply.body().get("recovery").get("related_tools").toString()).contains("registerAgent");
    }

    @Test
    void envelopeHasProblemFieldsAndRequestId() {
        Reply reply = client.get("/api/v1/nothing-here", key);
        JsonNode body = reply.body();
        String requestId = reply.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(body.get("request_id").asString()).isEqualTo(requestId);
        assertThat(body.get("instance").asString()).isEqualTo("urn:govflow:request:" + requestId);
        assertThat(body.get("type").asString()).isEqualTo("urn:govflow:error:route-not-found");
        assertThat(body.get("detail").asString()).isEqualTo(body.get("error").asString());
        assertThat(reply.headers().firstValue("Content-Type").orElseThrow()).contains("application/problem+json");
    }

    private static void assertEnvelope(Reply reply, int status, String code) {
        assertThat(reply.status()).as(reply.raw()).isEqualTo(status);
        JsonNode body = reply.body();
        assertThat(body.get("success").asBoolean()).isFalse();
        assertThat(body.get("error_code").asString()).isEqualTo(code);
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("recovery").get("action").asString()).isNotBlank();
        assertThat(body.get("recovery").get("workflow").asString()).startsWith("1.");
        assertThat(reply.headers().firstValue("X-Request-Id")).isPresent();
        bodies.add(reply.raw());
    }

    private static void assertSanitized(String body) {
        assertThat(body).doesNotContain(dataDir.toString()).doesNotContain("/tmp").doesNotContain("java.")
                .doesNotContain("Exception").doesNotContain("tools.jackson").doesNotContain("\tat ")
                .doesNotContain("io.govflow.");
    }
}
