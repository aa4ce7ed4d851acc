package io.govflow.flow.dialectic;

import static io.govflow.flow.dialectic.DialecticHttpTest.SESSIONS;
import static io.govflow.flow.dialectic.DialecticHttpTest.antithesis;
import static io.govflow.flow.dialectic.DialecticHttpTest.assertError;
import static io.govflow.flow.dialectic.DialecticHttpTest.thesis;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.govflow.support.FileStoreOnly;
import io.govflow.support.ApiClient;
import io.govflow.support.ApiClient.Reply;
import io.govflow.support.DataDir;
import io.govflow.support.GovflowApp;
import io.govflow.support.RunningApp;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every message Govflow writes is signed and checked on every read; a session file edited by hand reports the
 * edited message as invalid and its resolution is refused, leaving the session and the agent as they were.
 * Reviewers need no age or history here (the eligibility rules have their own tests).
 */
@GovflowApp(args = {"--govflow.governance.loop-detection=false",
        "--govflow.dialectic.reviewer-min-age=0s", "--govflow.dialectic.reviewer-min-updates=0"})
class SessionSignatureHttpTest {

    static final List<String> AGREED = List.of("Verify tool output before acting", "Keep complexity low");
    static final String CAUSE = "Stale tool output and rushed work";

    @DataDir
    static Path dataDir;

    static RunningApp app;
    static ApiClient client;

    @Test
    void messagesWrittenByTheServiceReadAsValid() {
        String keyA = client.register("signed_agent_01");
        String keyB = client.register("signed_reviewer_01");
        String sid = toFirstAgreement(keyA, "signed_agent_01", keyB, "signed_reviewer_01");

        JsonNode view = client.get(SESSIONS + "/" + sid, keyA).body();
        assertThat(view.get("signatures").size()).isEqualTo(3);
        assertThat(view.get("signatures").valueStream().map(s -> s.get("status").asString())).containsOnly("valid");
        assertThat(view.get("warnings").size()).isZero();
        assertThat(view.get("session").get("transcript").get(0).get("signature").asString()).matches("[0-9a-f]{64}");
    }

    @FileStoreOnly

    @Test
    void aSessionEditedByHandIsNeverResolved() throws Exception {
        String keyA = client.register("tampered_agent_02");
        String keyB = client.register("tampered_reviewer_02");
        String sid = toFirstAgreement(keyA, "tampered_agent_02", keyB, "tampered_reviewer_02");
        Path file = dataDir.resolve("dialectic_sessions").resolve(sid + ".json");
        ObjectNode onDisk = (ObjectNode) ApiClient.JSON.readTree(Files.readString(file));
        ((ObjectNode) onDisk.get("transcript").get(0)).put("root_cause", "Someone else's fault");
        Files.writeString(file, ApiClient.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(onDisk));
        byte[] edited = Files.readAllBytes(file);

        JsonNode view = client.get(SESSIONS + "/" + sid, keyA).body();
        assertThat(view.get("signatures").get(0).get("status").asString()).isEqualTo("invalid");
        assertThat(view.get("signatures").get(1).get("status").asString()).isEqualTo("valid");

        Reply refused = move(sid, "synthesis", keyB, Map.of("agrees", true, "proposed_conditions", AGREED,
                "root_cause", CAUSE, "reasoning", "agreed"));
        assertError(refused, 409, "SESSION_SIGNATURE_INVALID");
        assertThat(refused.body().get("details").get("message_index").asInt()).isZero();
        assertThat(Files.readAllBytes(file)).as("nothing was written").isEqualTo(edited);
        JsonNode agent = client.get("/api/v1/agents/tampered_agent_02", keyA).body().get("agent");
        assertThat(agent.get("lifecycle_events").valueStream().map(e -> e.get("event").asString()))
                .doesNotContain("resumed");
    }

    /** Thesis, antithesis and the paused agent's agreeing synthesis: the reviewer's agreement would resolve. */
    private static String toFirstAgreement(String keyA, String agentA, String keyB, String reviewer) {
        Reply created = client.post(SESSIONS, keyA, Map.of("agent_id", agentA, "reviewer_agent_id", reviewer,
                "reason", "Stuck in a loop"));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String sid = created.body().get("session_id").asString();
        assertThat(move(sid, "thesis", keyA, thesis()).status()).isEqualTo(200);
        assertThat(move(sid, "antithesis", keyB, antithesis()).status()).isEqualTo(200);
        Reply first = move(sid, "synthesis", keyA, Map.of("agrees", true, "proposed_conditions", AGREED,
                "root_cause", CAUSE, "reasoning", "agreed"));
        assertThat(first.status()).as(first.raw()).isEqualTo(200);
        assertThat(first.body().get("phase").asString()).isEqualTo("synthesis");
        return sid;
    }

    private static Reply move(String sid, String step, String key, Object body) {
        return client.post(SESSIONS + "/" + sid + "/" + step, key, body);
    }
}
