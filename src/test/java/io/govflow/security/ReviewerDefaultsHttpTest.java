package io.govflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import io.govflow.support.ApiClient;
import io.govflow.support.ApiClient.Reply;
import io.govflow.support.GovflowApp;
import org.junit.jupiter.api.Test;

/**
 * With the default eligibility rules (a reviewer registered at least an hour ago), agents registered seconds ago
 * review nobody, whether named or chosen by score; the admin is still the way back for a paused agent.
 */
@GovflowApp(args = {"--govflow.governance.enforce-pause=true", "--govflow.governance.loop-detection=false",
        "--govflow.security.admin-token=" + ReviewerDefaultsHttpTest.ADMIN})
class ReviewerDefaultsHttpTest {

    static final String ADMIN = "admin-token-for-reviewer-defaults";
    static final String SESSIONS = "/api/v1/dialectic/sessions";

    static ApiClient client;

    @Test
    void aReviewerRegisteredMinutesAgoIsNeitherNamedNorChosen() {
        String keyB = client.register("young_reviewer_31");
        for (int i = 0; i < 6; i++) {
            assertThat(client.post("/api/v1/agents/young_reviewer_31/updates", keyB, Map.of("ethical_drift",
                    List.of(0.0, 0.0, 0.0), "complexity", 0.2, "confidence", 0.9)).status()).isEqualTo(200);
        }
        String keyA = client.register("paused_agent_31");
        pause("paused_agent_31", keyA);

        Reply named = client.post(SESSIONS, keyA, Map.of("agent_id", "paused_agent_31", "reviewer_agent_id",
                "young_reviewer_31", "reason", "Paused after a high-risk update"));
        assertRefused(named, "reviewer_too_new");

        Reply chosen = client.post(SESSIONS, keyA, Map.of("agent_id", "paused_agent_31", "reason",
                "Paused after a high-risk update"));
        assertRefused(chosen, "no_reviewer");

        Reply byAdmin = client.post("/api/v1/agents/paused_agent_31/resume", ADMIN, Map.of());
        assertThat(byAdmin.status()).as(byAdmin.raw()).isEqualTo(200);
        assertThat(byAdmin.body().get("agent").get("status").asString()).isEqualTo("active");
    }

    private static void pause(String agentId, String key) {
        for (int i = 0; i < 10; i++) {
            Reply reply = client.post("/api/v1/agents/" + agentId + "/updates", key, Map.of("ethical_drift",
                    List.of(0.8, 0.5, 0.3), "complexity", 0.9, "confidence", 0.5));
            assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
            if ("pause".equals(reply.body().get("decision").get("action").asString())) {
                return;
            }
        }
        throw new AssertionError("no pause decision for " + agentId);
    }

    private static void assertRefused(Reply reply, String reason) {
        assertThat(reply.status()).as(reply.raw()).isEqualTo(409);
        assertThat(reply.body().get("error_code").asString()).isEqualTo("REVIEW_UNAVAILABLE");
        assertThat(reply.body().get("details").get("reason").asString()).isEqualTo(reason);
    }
}
