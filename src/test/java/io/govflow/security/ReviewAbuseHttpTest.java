package io.govflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.govflow.support.ApiClient;
import io.govflow.support.ApiClient.Reply;
import io.govflow.support.GovflowApp;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A paused agent cannot review itself back to work, and nobody without a stake can dispute a discovery. The
 * minimum reviewer age is zero here (no test waits); every other eligibility rule keeps its default.
 */
@GovflowApp(args = {"--govflow.governance.enforce-pause=true", "--govflow.governance.loop-detection=false",
        "--govflow.dialectic.reviewer-min-age=0s", "--govflow.security.admin-token=" + ReviewAbuseHttpTest.ADMIN})
class ReviewAbuseHttpTest {

    static final String ADMIN = "admin-token-for-review-abuse";
    static final String SESSIONS = "/api/v1/dialectic/sessions";

    static ApiClient client;

    @Test
    void aFreshSecondIdentityCannotBeNamedReviewer() {
        String keyA = client.register("cornered_agent_11");
        pauseByDecision("cornered_agent_11", keyA);
        String keyB = client.register("sock_puppet_11");

        Reply refused = request(keyA, "cornered_agent_11", "sock_puppet_11");

        assertUnavailable(refused, "reviewer_too_few_updates");
        assertThat(status("cornered_agent_11", keyA)).isEqualTo("paused");
        assertThat(client.get("/api/v1/agents/sock_puppet_11/dialectic-sessions", keyB).body().get("count")
                .asInt()).isZero();
    }

    @Test
    void aReviewerRegisteredAfterThePauseIsRefusedEvenWithHistory() {
        String keyA = client.register("cornered_agent_12");
        pauseByDecision("cornered_agent_12", keyA);
        String keyB = client.register("late_puppet_12");
        postCalmUpdates("late_puppet_12", keyB);

        assertUnavailable(request(keyA, "cornered_agent_12", "late_puppet_12"), "reviewer_registered_after_pause");
    }

    @Test
    void theRequestersChildCannotReviewIt() {
        String keyA = client.register("parent_agent_13");
        Reply child = client.post("/api/v1/agents", null, Map.of("agent_id", "child_agent_13",
                "parent_agent_id", "parent_agent_13"));
        assertThat(child.status()).as(child.raw()).isEqualTo(201);
        postCalmUpdates("child_agent_13", child.body().get("api_key").asString());
        pauseByDecision("parent_agent_13", keyA);

        assertUnavailable(request(keyA, "parent_agent_13", "child_agent_13"), "reviewer_is_related");
    }

    @Test
    void agreementDoesNotResumeAnUnsafeAgentButTheAdminCan() {
        String keyB = client.register("honest_reviewer_14");
        postCalmUpdates("honest_reviewer_14", keyB);
        String keyA = client.register("risky_agent_14");
        pauseByDecision("risky_agent_14", keyA);

        Reply created = request(keyA, "risky_agent_14", "honest_reviewer_14");
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String sid = created.body().get("session_id").asString();
        assertThat(move(sid, "thesis", keyA, Map.of("root_cause", "Stale data", "proposed_conditions",
                List.of("Verify tool output"), "reasoning", "One bad input")).status()).isEqualTo(200);
        assertThat(move(sid, "antithesis", keyB, Map.of("concerns", List.of("Attention is high"), "reasoning",
                "Slow down")).status()).isEqualTo(200);
        List<String> agreed = List.of("Verify tool output before acting");
        assertThat(synthesis(sid, keyA, agreed).status()).isEqualTo(200);

        Reply last = synthesis(sid, keyB, agreed);

        assertThat(last.status()).as(last.raw()).isEqualTo(422);
        assertThat(last.body().get("error_code").asString()).isEqualTo("UNSAFE_RESUME");
        assertThat(status("risky_agent_14", keyA)).isEqualTo("paused");
        assertThat(client.get(SESSIONS + "/" + sid, keyA).body().get("session").get("phase").asString())
                .isEqualTo("failed");

        Reply byAdmin = client.post("/api/v1/agents/risky_agent_14/resume", ADMIN, Map.of("reason",
                "Reviewed by the operator"));
        assertThat(byAdmin.status()).as(byAdmin.raw()).isEqualTo(200);
        assertThat(status("risky_agent_14", keyA)).isEqualTo("active");
    }

    @Test
    void anAgentWithoutAStakeCannotDisputeADiscovery() {
        String keyOwner = client.register("finder_agent_15");
        String did = storeDiscovery("finder_agent_15", keyOwner, "Exports drop the last row", "csvrows15");
        String keyOutsider = client.register("meddler_agent_15");

        Reply refused = client.post(SESSIONS, keyOutsider, Map.of("agent_id", "meddler_agent_15",
                "discovery_id", did, "reason", "I say it is wrong"));

        assertUnavailable(refused, "no_stake_in_discovery");
        assertThat(discoveryStatus(did, keyOutsider)).isEqualTo("open");
    }

    @Test
    void anAgentWhoseWorkTheDiscoveryBuildsOnCanDisputeIt() {
        String keyEarlier = client.register("earlier_agent_16");
        storeDiscovery("earlier_agent_16", keyEarlier, "Window fills after 1000 rows", "window16");
        String keyOwner = client.register("finder_agent_16");
        String did = storeDiscovery("finder_agent_16", keyOwner, "Exports drop rows when the window is full",
                "window16");

        Reply created = client.post(SESSIONS, keyEarlier, Map.of("agent_id", "earlier_agent_16",
                "discovery_id", did, "reason", "It builds on my finding and misreads it"));

        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        assertThat(discoveryStatus(did, keyEarlier)).isEqualTo("disputed");
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    private static Reply request(String key, String agentId, String reviewer) {
        Map<String, Object> body = new HashMap<>(Map.of("agent_id", agentId, "reviewer_agent_id", reviewer,
                "reason", "Paused after a high-risk update"));
        return client.post(SESSIONS, key, body);
    }

    private static Reply move(String sid, String step, String key, Object body) {
        return client.post(SESSIONS + "/" + sid + "/" + step, key, body);
    }

    private static Reply synthesis(String sid, String key, List<String> conditions) {
        return move(sid, "synthesis", key, Map.of("agrees", true, "proposed_conditions", conditions,
                "root_cause", "Stale data", "reasoning", "Agreed"));
    }

    private static void assertUnavailable(Reply reply, String reason) {
        assertThat(reply.status()).as(reply.raw()).isEqualTo(409);
        assertThat(reply.body().get("error_code").asString()).isEqualTo("REVIEW_UNAVAILABLE");
        assertThat(reply.body().get("details").get("reason").asString()).isEqualTo(reason);
    }

    private static void pauseByDecision(String agentId, String key) {
        for (int i = 0; i < 10; i++) {
            Reply reply = client.post("/api/v1/agents/" + agentId + "/updates", key, Map.of("ethical_drift",
                    List.of(0.8, 0.5, 0.3), "complexity", 0.9, "confidence", 0.5));
            assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
            if ("pause".equals(reply.body().get("decision").get("action").asString())) {
                assertThat(status(agentId, key)).isEqualTo("paused");
                return;
            }
        }
        throw new AssertionError("no pause decision for " + agentId);
    }

    private static void postCalmUpdates(String agentId, String key) {
        for (int i = 0; i < 6; i++) {
            Reply reply = client.post("/api/v1/agents/" + agentId + "/updates", key, Map.of("ethical_drift",
                    List.of(0.0, 0.0, 0.0), "complexity", 0.2, "confidence", 0.9));
            assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        }
    }

    private static String storeDiscovery(String agentId, String key, String summary, String tag) {
        Reply stored = client.post("/api/v1/discoveries", key, Map.of("agent_id", agentId, "type", "bug_found",
                "summary", summary, "tags", List.of(tag)));
        assertThat(stored.status()).as(stored.raw()).isEqualTo(201);
        return stored.body().get("discovery_id").asString();
    }

    private static String status(String agentId, @Nullable String key) {
        return client.get("/api/v1/agents/" + agentId, key).body().get("agent").get("status").asString();
    }

    private static String discoveryStatus(String did, String key) {
        JsonNode discovery = client.get("/api/v1/discoveries/" + did, key).body().get("discovery");
        return discovery.get("status").asString();
    }
}
