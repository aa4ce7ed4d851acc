package io.govflow.flow.dialectic;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.govflow.support.FileStoreOnly;
import io.govflow.store.io.StoreJson;
import io.govflow.support.ApiClient;
import io.govflow.support.ApiClient.Reply;
import io.govflow.support.DataDir;
import io.govflow.support.GovflowApp;
import io.govflow.support.RunningApp;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The review protocol over real HTTP on a real data directory, with restarts between steps. Reviewers need no age
 * or history here (the eligibility rules have their own tests in the security suite).
 */
@GovflowApp(args = {"--govflow.governance.enforce-pause=true", "--govflow.governance.loop-detection=false",
        "--govflow.dialectic.reviewer-min-age=0s", "--govflow.dialectic.reviewer-min-updates=0"})
class DialecticHttpTest {

    static final String SESSIONS = "/api/v1/dialectic/sessions";
    static final List<Double> HIGH_RISK_DRIFT = List.of(0.8, 0.5, 0.3);

    @DataDir
    static Path dataDir;

    static RunningApp app;
    static ApiClient client;

    private static void restart() {
        app.restart();
        client = app.client();
    }

    @FileStoreOnly

    @Test
    void pausedAgentGoesThroughReviewToResumeAcrossRestarts() throws Exception {
        String paused = "drifting_agent_01";
        String keyA = client.register(paused);
        String keyB = client.register("steady_reviewer_01");
        // paused by a blocked review, so its metrics pass the resume safety check a resolution still applies
        pauseByBlockedReview(paused, keyA, "steady_reviewer_01", keyB);
        restart();

        String sid = create(keyA, paused, "steady_reviewer_01", null);
        restart();
        assertError(move(sid, "thesis", keyB, thesis()), 401, "AUTHENTICATION_FAILED");
        assertThat(move(sid, "thesis", keyA, thesis()).body().get("phase").asString()).isEqualTo("antithesis");
        restart();
        assertError(move(sid, "antithesis", keyA, antithesis()), 401, "AUTHENTICATION_FAILED");
        JsonNode afterAntithesis = move(sid, "antithesis", keyB, antithesis()).body();
        assertThat(afterAntithesis.get("phase").asString()).isEqualTo("synthesis");
        assertThat(afterAntithesis.get("synthesis_round").asInt()).isEqualTo(1);
        restart();

        List<String> agreed = List.of("Verify tool output before acting", "Keep complexity below 0.5 for 10 updates");
        synthesis(sid, keyA, false, List.of("Verify tool output before acting"), "Stale tool output");
        JsonNode roundOne = synthesis(sid, keyB, false, agreed, "Stale tool output and rushed work");
        assertThat(roundOne.get("synthesis_round").asInt()).isEqualTo(3);
        restart();
        synthesis(sid, keyA, true, agreed, "Stale tool output and rushed work");
        JsonNode resolved = synthesis(sid, keyB, true, agreed, "Stale tool output and rushed work");
        assertThat(resolved.get("phase").asString()).isEqualTo("resolved");
        assertThat(resolved.get("resolution").get("action").asString()).isEqualTo("resume");
        restart();

        JsonNode view = client.get(SESSIONS + "/" + sid, keyB).body();
        assertThat(view.get("expired").asBoolean()).isFalse();
        JsonNode session = view.get("session");
        assertThat(session.get("phase").asString()).isEqualTo("resolved");
        assertThat(session.get("transcript").size()).isEqualTo(6);
        assertThat(session.get("max_synthesis_rounds").asInt()).isEqualTo(5);
        assertThat(session.get("resolution").get("signature_a").asString()).matches("[0-9a-f]{64}");
        assertThat(session.get("resolution").get("signature_b").asString()).matches("[0-9a-f]{64}")
                .isNotEqualTo(session.get("resolution").get("signature_a").asString());
        assertThat(strings(session.get("resolution").get("conditions"))).containsExactlyElementsOf(agreed);
        JsonNode onDisk = new StoreJson().parseObject(Files.readAllBytes(dataDir.resolve("dialectic_sessions")
                .resolve(sid + ".json")));
        assertThat(onDisk).isEqualTo(session);

        JsonNode agent = client.get("/api/v1/agents/" + paused, keyA).body().get("agent");
        assertThat(agent.get("status").asString()).isEqualTo("active");
        JsonNode events = agent.get("lifecycle_events");
        JsonNode resumed = events.get(events.size() - 1);
        assertThat(resumed.get("event").asString()).isEqualTo("resumed");
        assertThat(strings(resumed.get("conditions"))).containsExactlyElementsOf(agreed);
        assertThat(resumed.get("reason").asString()).contains(sid);
        assertThat(client.post("/api/v1/agents/" + paused + "/updates", keyA, Map.of("confidence", 0.9)).status())
                .isEqualTo(200);
        assertThat(Files.exists(dataDir.resolve(".govflow-secret"))).isTrue();
    }

    @Test
    void nonConvergenceForMaxRoundsEscalates() {
        String keyA = client.register("stuck_agent_02");
        String keyB = client.register("picky_reviewer_02");
        String sid = create(keyA, "stuck_agent_02", "picky_reviewer_02", 2);
        move(sid, "thesis", keyA, thesis());
        move(sid, "antithesis", keyB, antithesis());
        assertThat(synthesis(sid, keyA, false, List.of("Slow down"), "Rushed").get("phase").asString())
                .isEqualTo("synthesis");
        JsonNode escalated = synthesis(sid, keyB, false, List.of("Stop entirely"), "Bad goals");
        assertThat(escalated.get("phase").asString()).isEqualTo("escalated");

        assertError(move(sid, "synthesis", keyA, Map.of("agrees", true)), 409, "SESSION_PHASE_CONFLICT");
        assertThat(client.get(SESSIONS + "/" + sid, keyA).body().get("session").get("phase").asString())
                .isEqualTo("escalated");
    }

    @Test
    void conditionsBreakingAHardLimitBlockAndPauseTheAgent() {
        String keyA = client.register("bold_agent_03");
        String keyB = client.register("lenient_reviewer_03");
        String sid = create(keyA, "bold_agent_03", "lenient_reviewer_03", null);
        move(sid, "thesis", keyA, thesis());
        move(sid, "antithesis", keyB, antithesis());
        List<String> unsafe = List.of("Disable the circuit breaker for this agent", "Verify tool output");
        synthesis(sid, keyA, true, unsafe, "The breaker trips too often");
        JsonNode blocked = synthesis(sid, keyB, true, unsafe, "The breaker trips too often");

        JsonNode resolution = blocked.get("resolution");
        assertThat(blocked.get("phase").asString()).isEqualTo("resolved");
        assertThat(resolution.get("action").asString()).isEqualTo("block");
        assertThat(resolution.get("violation").get("error_code").asString()).isEqualTo("HARD_LIMIT_VIOLATION");
        assertThat(resolution.get("violation").get("rule").asString()).isEqualTo("forbidden_operation");
        assertThat(client.get(SESSIONS + "/" + sid, keyA).body().get("session").get("resolution").get("violation")
                .get("error_code").asString()).isEqualTo("HARD_LIMIT_VIOLATION");
        assertThat(client.get("/api/v1/agents/bold_agent_03", keyA).body().get("agent").get("status").asString())
                .isEqualTo("paused");
    }

    @Test
    void movesInTheWrongPhaseAndBadIdsGetTheirCodes() {
        String keyA = client.register("eager_agent_04");
        String keyB = client.register("early_reviewer_04");
        String sid = create(keyA, "eager_agent_04", "early_reviewer_04", null);

        assertError(move(sid, "antithesis", keyB, antithesis()), 409, "SESSION_PHASE_CONFLICT");
        assertError(move(sid, "synthesis", keyA, Map.of("agrees", true)), 409, "SESSION_PHASE_CONFLICT");
        move(sid, "thesis", keyA, thesis());
        assertError(move(sid, "thesis", keyA, thesis()), 409, "SESSION_PHASE_CONFLICT");

        assertError(client.get(SESSIONS + "/not-a-session", keyA), 400, "INVALID_SESSION_ID");
        assertError(client.get(SESSIONS + "/0123456789ABCDEF", keyA), 400, "INVALID_SESSION_ID");
        assertError(move("0123456789abcdeg", "thesis", keyA, thesis()), 400, "INVALID_SESSION_ID");
        assertError(client.get(SESSIONS + "/0123456789abcdef", keyA), 404, "SESSION_NOT_FOUND");
        assertError(client.get(SESSIONS + "/" + sid, null), 401, "AUTHENTICATION_REQUIRED");
        assertError(move(sid, "antithesis", "wrong-key", antithesis()), 401, "AUTHENTICATION_FAILED");
        assertError(move(sid, "synthesis", keyB, Map.of()), 400, "VALIDATION_FAILED");
        assertError(client.post(SESSIONS, keyB, Map.of("agent_id", "eager_agent_04")), 401,
                "AUTHENTICATION_FAILED");
        assertError(client.post(SESSIONS, keyA, Map.of("agent_id", "eager_agent_04", "reviewer_agent_id",
                "eager_agent_04")), 400, "VALIDATION_FAILED");
        assertError(client.post(SESSIONS, keyA, Map.of("agent_id", "eager_agent_04", "discovery_id",
                "2025-01-01T00:00:00.000000")), 404, "DISCOVERY_NOT_FOUND");

        JsonNode listed = client.get("/api/v1/agents/early_reviewer_04/dialectic-sessions", keyA).body();
        assertThat(listed.get("count").asInt()).isEqualTo(1);
        assertThat(listed.get("sessions").get(0).get("role").asString()).isEqualTo("reviewer");
        assertThat(listed.get("sessions").get(0).get("phase").asString()).isEqualTo("antithesis");
    }

    @Test
    void aDisputedDiscoveryIsReviewedByItsOwnerAndResolvedByTheOutcome() {
        String keyA = client.register("doubting_agent_05");
        String keyOwner = client.register("finder_agent_05");
        // the doubter's own earlier finding gives it a stake: the disputed discovery links to it
        assertThat(client.post("/api/v1/discoveries", keyA, Map.of("agent_id", "doubting_agent_05", "type",
                "insight", "summary", "The history window holds 1000 rows", "tags", List.of("export"))).status())
                .isEqualTo(201);
        Reply stored = client.post("/api/v1/discoveries", keyOwner, Map.of("agent_id", "finder_agent_05", "type",
                "bug_found", "summary", "Exports drop the last row", "tags", List.of("export")));
        String did = stored.body().get("discovery_id").asString();

        Reply created = client.post(SESSIONS, keyA, Map.of("agent_id", "doubting_agent_05", "discovery_id", did,
                "dispute_type", "correction", "reason", "Only when the window is full"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().get("reviewer_agent_id").asString()).isEqualTo("finder_agent_05");
        String sid = created.body().get("session_id").asString();
        assertThat(discovery(did, keyA).get("status").asString()).isEqualTo("disputed");

        move(sid, "thesis", keyA, thesis());
        move(sid, "antithesis", keyOwner, antithesis());
        List<String> agreed = List.of("Correct the summary: only when the history window is full");
        synthesis(sid, keyA, true, agreed, "The summary is too broad");
        JsonNode resolved = synthesis(sid, keyOwner, true, agreed, "The summary is too broad");

        assertThat(resolved.get("resolution").get("action").asString()).isEqualTo("resume");
        JsonNode settled = discovery(did, keyA);
        assertThat(settled.get("status").asString()).isEqualTo("resolved");
        assertThat(settled.get("resolved_at").isNull()).isFalse();
        assertThat(settled.get("details").asString()).contains(sid);
    }

    @Test
    void selfRecoveryResumesOnlyWhenSafeAndIsRecordedAsASession() {
        String keyBlocked = client.register("blocked_agent_06");
        String keyB = client.register("strict_reviewer_06");
        String sid = create(keyBlocked, "blocked_agent_06", "strict_reviewer_06", null);
        move(sid, "thesis", keyBlocked, thesis());
        move(sid, "antithesis", keyB, antithesis());
        List<String> vague = List.of("Maybe be more careful");
        synthesis(sid, keyBlocked, true, vague, "Not sure what happened");
        synthesis(sid, keyB, true, vague, "Not sure what happened");
        assertThat(status("blocked_agent_06", keyBlocked)).isEqualTo("paused");

        Reply recovered = client.post("/api/v1/agents/blocked_agent_06/self-recovery", keyBlocked, Map.of(
                "root_cause", "Unclear instructions", "proposed_conditions", List.of("Ask before acting")));
        assertThat(recovered.status()).isEqualTo(200);
        assertThat(recovered.body().get("status").asString()).isEqualTo("active");
        String recoverySid = recovered.body().get("session_id").asString();
        JsonNode recorded = client.get(SESSIONS + "/" + recoverySid, keyBlocked).body().get("session");
        assertThat(recorded.get("reviewer_agent_id").asString()).isEqualTo("system");
        assertThat(recorded.get("phase").asString()).isEqualTo("resolved");
        assertThat(recorded.get("session_type").asString()).isEqualTo("self_recovery");
        assertThat(status("blocked_agent_06", keyBlocked)).isEqualTo("active");

        assertError(client.post("/api/v1/agents/blocked_agent_06/self-recovery", keyBlocked, Map.of()), 409,
                "REVIEW_UNAVAILABLE");
        assertError(client.post("/api/v1/agents/blocked_agent_06/self-recovery", keyB, Map.of()), 401,
                "AUTHENTICATION_FAILED");

        String keyDrift = client.register("risky_agent_06");
        pauseByDecision("risky_agent_06", keyDrift);
        Reply unsafe = client.post("/api/v1/agents/risky_agent_06/self-recovery", keyDrift, Map.of(
                "proposed_conditions", List.of("Ask before acting")));
        assertError(unsafe, 422, "UNSAFE_RESUME");
        String failedSid = unsafe.body().get("details").get("session_id").asString();
        assertThat(client.get(SESSIONS + "/" + failedSid, keyDrift).body().get("session").get("phase").asString())
                .isEqualTo("failed");
        assertThat(status("risky_agent_06", keyDrift)).isEqualTo("paused");

        assertError(client.post("/api/v1/agents/risky_agent_06/self-recovery", keyDrift, Map.of(
                "proposed_conditions", List.of("Bypass safety review"))), 422, "HARD_LIMIT_VIOLATION");
    }

    @Test
    void openApiDocumentsTheEndpointsAndTheirCodes() throws Exception {
        Reply docs = client.get("/v3/api-docs", null);
        assertThat(docs.status()).isEqualTo(200);
        for (String operation : List.of("requestReview", "submitThesis", "submitAntithesis", "submitSynthesis",
                "getSession", "listAgentSessions", "selfRecovery", "storeDiscovery", "searchDiscoveries",
                "getDiscovery", "updateDiscoveryStatus", "similarDiscoveries", "discoveryStats",
                "listAgentDiscoveries")) {
            assertThat(docs.raw()).contains("\"operationId\":\"" + operation + "\"");
        }
        assertThat(docs.raw()).contains("REVIEW_UNAVAILABLE", "SESSION_PHASE_CONFLICT", "RATE_LIMITED")
                .doesNotContain("\"name\":\"request\"");
        Files.writeString(Path.of("target/openapi-dialectic.json"), docs.raw());
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    static void pauseByDecision(String agentId, String key) {
        for (int i = 0; i < 10; i++) {
            Reply reply = client.post("/api/v1/agents/" + agentId + "/updates", key, Map.of("ethical_drift",
                    HIGH_RISK_DRIFT, "complexity", 0.9, "confidence", 0.5));
            assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
            if ("pause".equals(reply.body().get("decision").get("action").asString())) {
                assertThat(status(agentId, key)).isEqualTo("paused");
                return;
            }
        }
        throw new AssertionError("no pause decision for " + agentId);
    }

    static void pauseByBlockedReview(String agentId, String key, String reviewer, String reviewerKey) {
        String sid = create(key, agentId, reviewer, null);
        move(sid, "thesis", key, thesis());
        move(sid, "antithesis", reviewerKey, antithesis());
        List<String> unsafe = List.of("Disable the circuit breaker for this agent");
        synthesis(sid, key, true, unsafe, "The breaker trips too often");
        synthesis(sid, reviewerKey, true, unsafe, "The breaker trips too often");
        assertThat(status(agentId, key)).isEqualTo("paused");
    }

    static String status(String agentId, String key) {
        return client.get("/api/v1/agents/" + agentId, key).body().get("agent").get("status").asString();
    }

    static JsonNode discovery(String did, String key) {
        return client.get("/api/v1/discoveries/" + did, key).body().get("discovery");
    }

    static String create(String key, String agentId, String reviewer, @Nullable Integer maxRounds) {
        Map<String, Object> body = new HashMap<>(Map.of("agent_id", agentId, "reviewer_agent_id", reviewer,
                "reason", "Paused after a high-risk update"));
        if (maxRounds != null) {
            body.put("max_synthesis_rounds", maxRounds);
        }
        Reply reply = client.post(SESSIONS, key, body);
        assertThat(reply.status()).as(reply.raw()).isEqualTo(201);
        assertThat(reply.body().get("phase").asString()).isEqualTo("thesis");
        assertThat(reply.body().get("reviewer_agent_id").asString()).isEqualTo(reviewer);
        String sid = reply.body().get("session_id").asString();
        assertThat(sid).matches("[0-9a-f]{16}");
        return sid;
    }

    static Reply move(String sid, String step, @Nullable String key, Object body) {
        return client.post(SESSIONS + "/" + sid + "/" + step, key, body);
    }

    static JsonNode synthesis(String sid, String key, boolean agrees, List<String> conditions, String rootCause) {
        Reply reply = move(sid, "synthesis", key, Map.of("agrees", agrees, "proposed_conditions", conditions,
                "root_cause", rootCause, "reasoning", agrees ? "Agreed" : "Not yet"));
        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        return reply.body();
    }

    static Map<String, Object> thesis() {
        return Map.of("root_cause", "A failing tool returned stale data", "proposed_conditions",
                List.of("Verify tool output before acting"), "reasoning", "One bad input, not bad goals");
    }

    static Map<String, Object> antithesis() {
        return Map.of("observed_metrics", Map.of("coherence", 0.48), "concerns", List.of("Attention is high"),
                "reasoning", "Plausible, but slow down");
    }

    static void assertError(Reply reply, int status, String code) {
        assertThat(reply.status()).as(reply.raw()).isEqualTo(status);
        assertThat(reply.body().get("error_code").asString()).isEqualTo(code);
    }

    static List<String> strings(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }
}
