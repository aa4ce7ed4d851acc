package io.govflow.flow.dialectic;

import static io.govflow.flow.dialectic.DialecticHttpTest.SESSIONS;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.govflow.support.FileStoreOnly;
import io.govflow.support.ApiClient;
import io.govflow.support.ApiClient.Reply;
import io.govflow.support.FileTree;
import io.govflow.support.RunningApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Timeouts shortened by property: a zero timeout is reached the moment the phase starts, so no test waits on a
 * clock. Reads report expiry without touching the file; the next step records {@code failed}; a terminal session
 * never fails later.
 */
class DialecticTimeoutHttpTest {

    /** Reviewers that need no age or history: these tests are about timeouts and selection, not eligibility. */
    static final String ANY_REVIEWER_AGE = "--govflow.dialectic.reviewer-min-age=0s";
    static final String ANY_REVIEWER_HISTORY = "--govflow.dialectic.reviewer-min-updates=0";

    @TempDir
    Path dataDir;

    @FileStoreOnly

    @Test
    void anExpiredAntithesisWindowIsReportedOnReadAndFailedByTheNextStep() {
        try (RunningApp app = RunningApp.start(dataDir, ANY_REVIEWER_AGE, ANY_REVIEWER_HISTORY,
                "--govflow.dialectic.antithesis-timeout=0s")) {
            ApiClient client = app.client();
            String keyA = client.register("waiting_agent_01");
            String keyB = client.register("slow_reviewer_01");
            String sid = create(client, keyA, "waiting_agent_01", "slow_reviewer_01");
            assertThat(client.post(SESSIONS + "/" + sid + "/thesis", keyA, DialecticHttpTest.thesis()).status())
                    .isEqualTo(200);
            var before = FileTree.fingerprint(dataDir.resolve("dialectic_sessions"));

            JsonNode read = client.get(SESSIONS + "/" + sid, keyB).body();
            assertThat(read.get("expired").asBoolean()).isTrue();
            assertThat(read.get("expiry_reason").asString()).isEqualTo("antithesis_timeout");
            assertThat(read.get("session").get("phase").asString()).isEqualTo("antithesis");
            JsonNode listed = client.get("/api/v1/agents/slow_reviewer_01/dialectic-sessions", keyB).body();
            assertThat(listed.get("sessions").get(0).get("expired").asBoolean()).isTrue();
            assertThat(FileTree.fingerprint(dataDir.resolve("dialectic_sessions"))).isEqualTo(before);

            Reply late = client.post(SESSIONS + "/" + sid + "/antithesis", keyB, DialecticHttpTest.antithesis());
            DialecticHttpTest.assertError(late, 409, "SESSION_PHASE_CONFLICT");
            assertThat(late.body().get("details").get("phase").asString()).isEqualTo("failed");
            assertThat(late.body().get("details").get("reason").asString()).isEqualTo("antithesis_timeout");

            JsonNode failed = client.get(SESSIONS + "/" + sid, keyB).body();
            assertThat(failed.get("expired").asBoolean()).isFalse();
            JsonNode session = failed.get("session");
            assertThat(session.get("phase").asString()).isEqualTo("failed");
            JsonNode note = session.get("transcript").get(session.get("transcript").size() - 1);
            assertThat(note.get("agent_id").asString()).isEqualTo("system");
            assertThat(note.get("reasoning").asString()).contains("antithesis");
        }
    }

    @FileStoreOnly

    @Test
    void aResolvedSessionIsNeverFailedLater() {
        String sid;
        String keyA;
        try (RunningApp app = RunningApp.start(dataDir, ANY_REVIEWER_AGE, ANY_REVIEWER_HISTORY)) {
            ApiClient client = app.client();
            keyA = client.register("settled_agent_02");
            String keyB = client.register("quick_reviewer_02");
            sid = create(client, keyA, "settled_agent_02", "quick_reviewer_02");
            client.post(SESSIONS + "/" + sid + "/thesis", keyA, DialecticHttpTest.thesis());
            client.post(SESSIONS + "/" + sid + "/antithesis", keyB, DialecticHttpTest.antithesis());
            Map<String, Object> agree = Map.of("agrees", true, "root_cause", "Stale tool output",
                    "proposed_conditions", List.of("Verify tool output before acting"));
            client.post(SESSIONS + "/" + sid + "/synthesis", keyA, agree);
            assertThat(client.post(SESSIONS + "/" + sid + "/synthesis", keyB, agree).body().get("phase").asString())
                    .isEqualTo("resolved");
        }
        var before = FileTree.fingerprint(dataDir.resolve("dialectic_sessions"));
        try (RunningApp app = RunningApp.start(dataDir, ANY_REVIEWER_AGE, ANY_REVIEWER_HISTORY,
                "--govflow.dialectic.session-timeout=0s",
                "--govflow.dialectic.synthesis-timeout=0s", "--govflow.dialectic.antithesis-timeout=0s",
                "--govflow.dialectic.reviewer-wait=0s")) {
            ApiClient client = app.client();
            JsonNode read = client.get(SESSIONS + "/" + sid, keyA).body();
            assertThat(read.get("expired").asBoolean()).isFalse();
            Reply late = client.post(SESSIONS + "/" + sid + "/synthesis", keyA, Map.of("agrees", true));
            DialecticHttpTest.assertError(late, 409, "SESSION_PHASE_CONFLICT");
            assertThat(late.body().get("details").get("phase").asString()).isEqualTo("resolved");
            assertThat(client.get(SESSIONS + "/" + sid, keyA).body().get("session").get("phase").asString())
                    .isEqualTo("resolved");
        }
        assertThat(FileTree.fingerprint(dataDir.resolve("dialectic_sessions"))).isEqualTo(before);
    }

    @Test
    void theReviewerIsChosenAmongActiveAgentsNotInAnOpenSession() {
        try (RunningApp app = RunningApp.start(dataDir, ANY_REVIEWER_AGE, ANY_REVIEWER_HISTORY)) {
            ApiClient client = app.client();
            String keyA = client.register("lonely_agent_03");
            DialecticHttpTest.assertError(client.post(SESSIONS, keyA, Map.of("agent_id", "lonely_agent_03")), 409,
                    "REVIEW_UNAVAILABLE");
            String keyC = client.register("other_agent_03");
            client.register("only_reviewer_03");
            Reply first = client.post(SESSIONS, keyC, Map.of("agent_id", "other_agent_03", "reviewer_agent_id",
                    "only_reviewer_03"));
            assertThat(first.status()).isEqualTo(201);
            Reply busy = client.post(SESSIONS, keyA, Map.of("agent_id", "lonely_agent_03"));
            DialecticHttpTest.assertError(busy, 409, "REVIEW_UNAVAILABLE");
            assertThat(busy.body().get("details").get("reason").asString()).isEqualTo("no_reviewer");

            client.register("fresh_reviewer_03");
            Reply chosen = client.post(SESSIONS, keyA, Map.of("agent_id", "lonely_agent_03"));
            assertThat(chosen.status()).as(chosen.raw()).isEqualTo(201);
            assertThat(chosen.body().get("reviewer_agent_id").asString()).isEqualTo("fresh_reviewer_03");
        }
    }

    private static String create(ApiClient client, String key, String agentId, String reviewer) {
        Reply reply = client.post(SESSIONS, key, Map.of("agent_id", agentId, "reviewer_agent_id", reviewer));
        assertThat(reply.status()).as(reply.raw()).isEqualTo(201);
        return reply.body().get("session_id").asString();
    }
}
