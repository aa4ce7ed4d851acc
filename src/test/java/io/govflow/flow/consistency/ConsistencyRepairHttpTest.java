package io.govflow.flow.consistency;

import static io.govflow.support.Replies.abbreviated;
import static io.govflow.support.Replies.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.govflow.store.agent.MetadataRepository;
import io.govflow.support.ApiClient;
import io.govflow.support.DataDir;
import io.govflow.support.FileTree;
import io.govflow.support.GovflowApp;
import io.govflow.support.RunningApp;
import io.govflow.support.StoreInvariants;
import tools.jackson.databind.JsonNode;

/** Consistency report and repair over HTTP on deliberately damaged agents. */
@GovflowApp(args = {"--govflow.governance.loop-detection=false",
        "--govflow.security.admin-token=" + ConsistencyRepairHttpTest.ADMIN})
class ConsistencyRepairHttpTest {

    static final String ADMIN = "admin-token-for-consistency";
    private static final String TORN = "{\"seq\":6,\"ts\":\"2025-12-01T15:12:45.58";

    @DataDir
    static Path dataDir;

    static RunningApp app;
    static ApiClient client;

    @Test
    void damageIsReportedRepairedAndReportedCleanAfterwards() throws Exception {
        String tornKey = agentWithUpdates("torn_agent", 5);
        agentWithUpdates("behind_state_agent", 3);
        Path state = dataDir.resolve("agents/behind_state_agent_state.json");
        byte[] oldState = Files.readAllBytes(state);
        String behindKey = agentWithUpdates("behind_meta_agent", 5);
        agentWithUpdates("healthy_agent", 4);

        Files.write(dataDir.resolve("agents/torn_agent_updates.jsonl"), TORN.getBytes(StandardCharsets.UTF_8),
                StandardOpenOption.APPEND);
        damageStateOfBehindStateAgent(state, oldState);
        app.bean(MetadataRepository.class).update("behind_meta_agent", r -> r.withTotalUpdates(3));

        JsonNode report = consistency();
        assertThat(codes(report, "torn_agent")).containsExactly("LOG_TORN_TAIL");
        // checkpoints behind their log are a lag (a warning), not damage: the log holds the truth
        assertThat(codes(report, "behind_state_agent")).containsExactly("CHECKPOINT_LAG");
        assertThat(codes(report, "behind_meta_agent")).containsExactly("CHECKPOINT_LAG");
        assertThat(agent(report, "behind_meta_agent").get("problems").get(0).get("message").asString())
                .contains("2 update(s) behind");
        assertThat(codes(report, "healthy_agent")).isEmpty();
        assertThat(agent(report, "torn_agent").get("ok").asBoolean()).isFalse();
        assertThat(report.get("totals").get("errors").asLong()).isEqualTo(1);
        assertThat(client.get("/api/v1/consistency?agent_id=torn_agent", ADMIN).body().get("agents").size())
                .isEqualTo(1);

        Map<String, String> before = FileTree.fingerprint(dataDir);
        JsonNode plan = client.post("/api/v1/maintenance/repair", ADMIN, Map.of("dry_run", true)).body();
        assertThat(plan.get("dry_run").asBoolean()).isTrue();
        assertThat(actions(plan)).containsExactlyInAnyOrder("torn_agent:quarantine_torn_log_tail",
                "behind_state_agent:roll_forward", "behind_meta_agent:roll_forward");
        assertThat(FileTree.fingerprint(dataDir)).isEqualTo(before);

        JsonNode done = client.post("/api/v1/maintenance/repair", ADMIN, Map.of()).body();
        assertThat(done.get("dry_run").asBoolean()).isFalse();
        done.get("actions").forEach(a -> assertThat(a.get("done").asBoolean()).as(a.toString()).isTrue());
        assertThat(done.get("consistency").get("totals").get("errors").asLong()).isZero();
        JsonNode after = consistency();
        assertThat(after.get("totals").get("errors").asLong()).isZero();
        assertThat(after.get("agents")).allSatisfy(a -> assertThat(a.get("ok").asBoolean()).isTrue());

        String quarantined = null;
        for (JsonNode action : done.get("actions")) {
            if (action.get("action").asString().equals("quarantine_torn_log_tail")) {
                quarantined = action.get("quarantined_to").asString();
            }
        }
        assertThat(quarantined).startsWith("quarantine/torn_agent_updates.torn-");
        assertThat(Files.readString(dataDir.resolve(quarantined))).isEqualTo(TORN);
        new StoreInvariants(dataDir).assertHold();
        assertThat(update("torn_agent", tornKey).get("metrics").get("updates").asLong()).isEqualTo(6);
        assertThat(update("behind_meta_agent", behindKey).get("metrics").get("updates").asLong()).isEqualTo(6);
    }

    @Test
    void damagedStateFileIsQuarantinedAndRebuiltFromTheLog() throws Exception {
        agentWithUpdates("corrupt_state_agent", 4);
        Path state = dataDir.resolve("agents/corrupt_state_agent_state.json");
        Files.writeString(state, "{\"E\": 0.7, \"I\": ");
        JsonNode report = client.get("/api/v1/consistency?agent_id=corrupt_state_agent", ADMIN).body();
        assertThat(codes(report, "corrupt_state_agent")).containsExactly("STATE_CORRUPT");
        JsonNode done = client.post("/api/v1/maintenance/repair", ADMIN,
                Map.of("agent_id", "corrupt_state_agent")).body();
        assertThat(actions(done)).containsExactly("corrupt_state_agent:quarantine_state_file",
                "corrupt_state_agent:roll_forward");
        String moved = done.get("actions").get(0).get("quarantined_to").asString();
        assertThat(Files.readString(dataDir.resolve(moved))).isEqualTo("{\"E\": 0.7, \"I\": ");
        assertThat(codes(done.get("consistency"), "corrupt_state_agent")).isEmpty();
        assertThat(Files.readString(state)).contains("\"update_count\": 4");
    }

    @Test
    void adminOnlyAndEnvelopes() {
        String key = client.register("plain_agent");
        assertError(client.get("/api/v1/consistency", null), 401, "AUTHENTICATION_REQUIRED");
        assertError(client.get("/api/v1/consistency", key), 403, "FORBIDDEN");
        assertError(client.post("/api/v1/maintenance/repair", key, Map.of()), 403, "FORBIDDEN");
        assertError(client.get("/api/v1/consistency?agent_id=../x", ADMIN), 400, "INVALID_AGENT_ID");
        assertError(client.get("/api/v1/consistency?agent_id=nobody_at_all", ADMIN), 404, "AGENT_NOT_FOUND");
        assertError(client.post("/api/v1/maintenance/repair", ADMIN, Map.of("dry", true)), 400,
                "VALIDATION_FAILED");
        assertError(client.send("PUT", "/api/v1/consistency", ADMIN, null, Map.of()), 405, "METHOD_NOT_ALLOWED");
        JsonNode paths = client.get("/v3/api-docs", null).body().get("paths");
        assertThat(paths.get("/api/v1/consistency").get("get").get("operationId").asString())
                .isEqualTo("consistency");
        assertThat(paths.get("/api/v1/maintenance/repair").get("post").get("operationId").asString())
                .isEqualTo("repair");
    }

    /** Puts the older state file back: the log is two updates ahead of it. */
    private static void damageStateOfBehindStateAgent(Path state, byte[] oldState) throws Exception {
        for (int n = 0; n < 2; n++) {
            update("behind_state_agent", keys.get("behind_state_agent"));
        }
        app.flushCheckpoints();
        Files.write(state, oldState);
    }

    private static final Map<String, String> keys = new java.util.concurrent.ConcurrentHashMap<>();

    private static String agentWithUpdates(String agentId, int updates) {
        String key = client.register(agentId);
        keys.put(agentId, key);
        for (int n = 0; n < updates; n++) {
            update(agentId, key);
        }
        // the damage each test makes is to checkpoints at their logs, as a graceful shutdown leaves them
        app.flushCheckpoints();
        return key;
    }

    private static JsonNode update(String agentId, String key) {
        ApiClient.Reply reply = client.post("/api/v1/agents/" + agentId + "/updates", key, Map.of());
        assertThat(reply.status()).as(abbreviated(reply.raw())).isEqualTo(200);
        return reply.body();
    }

    private static JsonNode consistency() {
        ApiClient.Reply reply = client.get("/api/v1/consistency", ADMIN);
        assertThat(reply.status()).isEqualTo(200);
        return reply.body();
    }

    private static JsonNode agent(JsonNode report, String agentId) {
        for (JsonNode agent : report.get("agents")) {
            if (agent.get("agent_id").asString().equals(agentId)) {
                return agent;
            }
        }
        throw new AssertionError("agent not in report: " + agentId);
    }

    private static List<String> codes(JsonNode report, String agentId) {
        List<String> codes = new ArrayList<>();
        agent(report, agentId).get("problems").forEach(p -> codes.add(p.get("code").asString()));
        return codes;
    }

    private static List<String> actions(JsonNode repair) {
        List<String> actions = new ArrayList<>();
        repair.get("actions").forEach(a -> actions.add(a.get("agent_id").asString() + ":" + a.get("action").asString()));
        return actions;
    }
}
