package io.govflow.flow.update;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import io.govflow.support.FileStoreOnly;
import io.govflow.support.ApiClient;
import io.govflow.support.ApiClient.Reply;
import io.govflow.support.RunningApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Runtime thresholds: admin-only, validated, persisted in thresholds.json across restarts, used by decisions. */
class ThresholdsHttpTest {

    private static final String ADMIN = "thresholds-admin-token";
    private static final String PATH = "/api/v1/config/thresholds";

    @TempDir
    Path dataDir;

    @Test
    void persistedThresholdsSurviveARestartAndMoveDecisions() throws Exception {
        try (RunningApp app = RunningApp.start(dataDir, "--govflow.security.admin-token=" + ADMIN,
                "--govflow.governance.loop-detection=false")) {
            String key = app.client().register("threshold_agent");
            JsonNode defaults = app.client().get(PATH, key).body();
            assertThat(defaults.get("source").asString()).isEqualTo("default");
            assertThat(defaults.get("thresholds").get("risk_approve_threshold").asDouble()).isEqualTo(0.35);
            assertThat(defaults.get("risk_reject_threshold").asDouble()).isEqualTo(0.70);
            assertThat(decision(app.client(), key)).isEqualTo("proceed");

            Reply put = app.client().send("PUT", PATH, ADMIN, thresholds(0.005, 0.01, 0.40, 0.15), Map.of());
            assertThat(put.status()).as(put.raw()).isEqualTo(200);
            assertThat(put.body().get("source").asString()).isEqualTo("persisted");
            assertThat(Files.readString(dataDir.resolve("thresholds.json")))
                    .contains("\"risk_revise_threshold\": 0.01");
            assertThat(decision(app.client(), key)).isEqualTo("pause");
            Reply update = app.client().post("/api/v1/agents/threshold_agent/updates", key, Map.of());
            assertThat(update.body().get("decision").get("action").asString()).isEqualTo("pause");

            app.restart();
            JsonNode after = app.client().get(PATH, key).body();
            assertThat(after.get("thresholds").get("risk_revise_threshold").asDouble()).isEqualTo(0.01);
            assertThat(after.get("updated_at").asString()).isEqualTo(put.body().get("updated_at").asString());
            assertThat(decision(app.client(), key)).isEqualTo("pause");

            app.client().send("PUT", PATH, ADMIN, thresholds(0.35, 0.60, 0.40, 0.15), Map.of());
            assertThat(decision(app.client(), key)).isEqualTo("proceed");
        }
    }

    @FileStoreOnly

    @Test
    void anIdempotentReplayAfterAThresholdChangeReturnsTheFirstAnswer() throws Exception {
        try (RunningApp app = RunningApp.start(dataDir, "--govflow.security.admin-token=" + ADMIN,
                "--govflow.governance.loop-detection=false")) {
            String key = app.client().register("threshold_agent");
            String updates = "/api/v1/agents/threshold_agent/updates";
            assertThat(app.client().send("PUT", PATH, ADMIN, thresholds(0.005, 0.01, 0.40, 0.15), Map.of()).status())
                    .isEqualTo(200);
            Reply first = app.client().send("POST", updates, key, Map.of(), Map.of("Idempotency-Key", "strict-1"));
            assertThat(first.status()).as(first.raw()).isEqualTo(200);
            assertThat(first.body().get("decision").get("action").asString()).isEqualTo("pause");
            assertThat(Files.readString(dataDir.resolve("agents/threshold_agent_updates.jsonl")))
                    .contains("\"thresholds\":{\"risk_approve_threshold\":0.005,\"risk_revise_threshold\":0.01,"
                            + "\"coherence_critical_threshold\":0.4,\"void_threshold_initial\":0.15}");

            app.client().send("PUT", PATH, ADMIN, thresholds(0.35, 0.60, 0.40, 0.15), Map.of());
            assertThat(decision(app.client(), key)).isEqualTo("proceed");
            Reply replay = app.client().send("POST", updates, key, Map.of(), Map.of("Idempotency-Key", "strict-1"));

            assertThat(replay.status()).as(replay.raw()).isEqualTo(200);
            assertThat(replay.body()).isEqualTo(first.body());
            Reply next = app.client().send("POST", updates, key, Map.of(), Map.of("Idempotency-Key", "default-2"));
            assertThat(next.body().get("decision").get("action").asString()).isEqualTo("proceed");
            assertThat(Files.readAllLines(dataDir.resolve("agents/threshold_agent_updates.jsonl")).get(1))
                    .doesNotContain("thresholds");
        }
    }

    @Test
    void invalidThresholdsAreRefusedAndNothingIsWritten() {
        try (RunningApp app = RunningApp.start(dataDir, "--govflow.security.admin-token=" + ADMIN)) {
            String key = app.client().register("threshold_user");
            assertCode(app.client().send("PUT", PATH, ADMIN, thresholds(0.6, 0.6, 0.4, 0.15), Map.of()), 400,
                    "VALIDATION_FAILED");
            Reply above = app.client().send("PUT", PATH, ADMIN, thresholds(0.7, 0.5, 0.4, 0.15), Map.of());
            assertCode(above, 400, "VALIDATION_FAILED");
            assertThat(above.body().get("details").get("fields").get(0).get("field").asString())
                    .isEqualTo("risk_approve_threshold");
            assertCode(app.client().send("PUT", PATH, ADMIN, thresholds(0.1, 1.5, 0.4, 0.15), Map.of()), 400,
                    "VALIDATION_FAILED");
            Map<String, Object> partial = new LinkedHashMap<>(thresholds(0.1, 0.5, 0.4, 0.15));
            partial.remove("void_threshold_initial");
            assertCode(app.client().send("PUT", PATH, ADMIN, partial, Map.of()), 400, "VALIDATION_FAILED");
            assertCode(app.client().send("PUT", PATH, key, thresholds(0.1, 0.5, 0.4, 0.15), Map.of()), 403,
                    "FORBIDDEN");
            assertCode(app.client().send("PUT", PATH, null, thresholds(0.1, 0.5, 0.4, 0.15), Map.of()), 401,
                    "AUTHENTICATION_REQUIRED");
            assertCode(app.client().get(PATH, null), 401, "AUTHENTICATION_REQUIRED");
            assertThat(dataDir.resolve("thresholds.json")).doesNotExist();
        }
    }

    @Test
    void withoutAnAdminTokenTheAdminEndpointsAreDisabled() {
        try (RunningApp app = RunningApp.start(dataDir)) {
            String key = app.client().register("no_admin_agent");
            assertCode(app.client().send("PUT", PATH, key, thresholds(0.1, 0.5, 0.4, 0.15), Map.of()), 403,
                    "ADMIN_DISABLED");
            assertCode(app.client().post("/api/v1/maintenance/migrate", key, Map.of()), 403, "ADMIN_DISABLED");
            assertCode(app.client().get("/api/v1/maintenance/locks", key), 403, "ADMIN_DISABLED");
            assertThat(app.client().get(PATH, key).status()).isEqualTo(200);
        }
    }

    @Test
    void aDamagedThresholdsFileIsAnErrorNotTheDefaults() throws Exception {
        Files.writeString(dataDir.resolve("thresholds.json"), "{\"risk_approve_threshold\": 0.9, \"risk_revise");
        try (RunningApp app = RunningApp.start(dataDir, "--govflow.security.admin-token=" + ADMIN)) {
            String key = app.client().register("damaged_thresholds");
            assertCode(app.client().get(PATH, key), 500, "STORAGE_ERROR");
            assertCode(app.client().post("/api/v1/agents/damaged_thresholds/updates", key, Map.of()), 500,
                    "STORAGE_ERROR");
            assertThat(Files.readString(dataDir.resolve("thresholds.json"))).endsWith("risk_revise");
            assertThat(app.client().send("PUT", PATH, ADMIN, thresholds(0.35, 0.6, 0.4, 0.15), Map.of()).status())
                    .isEqualTo(200);
            assertThat(app.client().post("/api/v1/agents/damaged_thresholds/updates", key, Map.of()).status())
                    .isEqualTo(200);
            try (var quarantined = Files.list(dataDir.resolve("quarantine"))) {
                assertThat(quarantined.toList()).singleElement().satisfies(p -> assertThat(Files.readString(p))
                        .endsWith("risk_revise"));
            }
        }
    }

    private static String decision(ApiClient client, String key) {
        Reply reply = client.post("/api/v1/agents/threshold_agent/simulations", key, Map.of());
        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        return reply.body().get("decision").get("action").asString();
    }

    private static Map<String, Object> thresholds(double approve, double revise, double coherence, double voidInit) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("risk_approve_threshold", approve);
        body.put("risk_revise_threshold", revise);
        body.put("coherence_critical_threshold", coherence);
        body.put("void_threshold_initial", voidInit);
        return body;
    }

    private static void assertCode(Reply reply, int status, String code) {
        assertThat(reply.status()).as(reply.raw()).isEqualTo(status);
        assertThat(reply.body().get("error_code").asString()).isEqualTo(code);
    }
}
