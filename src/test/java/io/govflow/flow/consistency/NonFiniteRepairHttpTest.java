package io.govflow.flow.consistency;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;

import io.govflow.support.ApiClient;
import io.govflow.support.DataDir;
import io.govflow.support.GovflowApp;
import io.govflow.support.RunningApp;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Non-finite numbers written by older versions: in an update-log line they are reported and repair explains that it
 * cannot fix them; in a state file over a finite log, repair rebuilds the state from the log.
 */
@GovflowApp(args = {"--govflow.governance.loop-detection=false",
        "--govflow.security.admin-token=" + NonFiniteRepairHttpTest.ADMIN})
class NonFiniteRepairHttpTest {

    static final String ADMIN = "admin-token-for-non-finite";

    @DataDir
    static Path dataDir;

    static RunningApp app;
    static ApiClient client;

    @Test
    void aNonFiniteLogLineIsReportedAndRepairSaysWhyItLeavesIt() throws Exception {
        agentWithUpdates("nan_log_agent", 3);
        Path log = dataDir.resolve("agents/nan_log_agent_updates.jsonl");
        List<String> lines = new ArrayList<>(Files.readAllLines(log, StandardCharsets.UTF_8));
        lines.set(1, withCrc(lines.get(1).replaceFirst("\"V\":[-0-9.eE]+", "\"V\":NaN")));
        Files.writeString(log, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        byte[] damaged = Files.readAllBytes(log);

        JsonNode problem = problem(consistency(), "nan_log_agent", "LOG_NON_FINITE_NUMBER");
        assertThat(problem.get("severity").asString()).isEqualToIgnoringCase("error");
        assertThat(problem.get("message").asString()).contains("seq 2");

        JsonNode repaired = client.post("/api/v1/maintenance/repair", ADMIN, Map.of("agent_id", "nan_log_agent"))
                .body();
        JsonNode action = onlyAction(repaired);
        assertThat(action.get("action").asString()).isEqualTo("left_for_operator");
        assertThat(action.get("problem").asString()).isEqualTo("LOG_NON_FINITE_NUMBER");
        assertThat(action.get("done").asBoolean()).isFalse();
        assertThat(action.get("explanation").asString()).contains("cannot");
        assertThat(Files.readAllBytes(log)).isEqualTo(damaged);
    }

    @Test
    void aNonFiniteStateOverAFiniteLogIsRebuiltFromTheLog() throws Exception {
        agentWithUpdates("nan_state_agent", 3);
        Path state = dataDir.resolve("agents/nan_state_agent_state.json");
        String text = Files.readString(state, StandardCharsets.UTF_8);
        Files.writeString(state, text.replaceAll("\"V\"\\s*:\\s*[-0-9.eE]+", "\"V\": NaN"),
                StandardCharsets.UTF_8);
        assertThat(Files.readString(state, StandardCharsets.UTF_8)).as(text).contains("NaN");
        assertThat(problem(consistency(), "nan_state_agent", "NON_FINITE_NUMBER")).isNotNull();

        JsonNode repaired = client.post("/api/v1/maintenance/repair", ADMIN, Map.of("agent_id", "nan_state_agent"))
                .body();

        List<String> actions = new ArrayList<>();
        repaired.get("actions").forEach(a -> {
            actions.add(a.get("action").asString());
            assertThat(a.get("done").asBoolean()).as(a.toString()).isTrue();
        });
        assertThat(actions).containsExactly("quarantine_state_file", "roll_forward");
        assertThat(repaired.get("consistency").get("totals").get("errors").asLong()).isZero();
        JsonNode metrics = client.get("/api/v1/agents/nan_state_agent/metrics", ADMIN).body();
        assertThat(metrics.toString()).doesNotContain("NaN");
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    /** The line with its CRC-32C recomputed over the bytes before {@code ,"crc":}, as the writer computes it. */
    private static String withCrc(String line) {
        int marker = line.lastIndexOf(",\"crc\":\"");
        byte[] body = line.substring(0, marker).getBytes(StandardCharsets.UTF_8);
        CRC32C crc = new CRC32C();
        crc.update(body, 0, body.length);
        return line.substring(0, marker) + ",\"crc\":\"" + HexFormat.of().toHexDigits((int) crc.getValue()) + "\"}";
    }

    private static void agentWithUpdates(String agentId, int updates) {
        String key = client.register(agentId);
        for (int n = 0; n < updates; n++) {
            ApiClient.Reply reply = client.post("/api/v1/agents/" + agentId + "/updates", key, Map.of(
                    "complexity", 0.3 + 0.1 * n, "confidence", 0.8, "response_text", "step " + n));
            assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        }
        app.flushCheckpoints();
    }

    private static JsonNode consistency() {
        ApiClient.Reply reply = client.get("/api/v1/consistency", ADMIN);
        assertThat(reply.status()).isEqualTo(200);
        return reply.body();
    }

    private static JsonNode problem(JsonNode report, String agentId, String code) {
        for (JsonNode agent : report.get("agents")) {
            if (agent.get("agent_id").asString().equals(agentId)) {
                for (JsonNode problem : agent.get("problems")) {
                    if (problem.get("code").asString().equals(code)) {
                        return problem;
                    }
                }
                throw new AssertionError("no " + code + " for " + agentId + ": " + agent);
            }
        }
        throw new AssertionError("no report for " + agentId);
    }

    private static JsonNode onlyAction(JsonNode repair) {
        assertThat(repair.get("actions").size()).as(repair.toString()).isEqualTo(1);
        return repair.get("actions").get(0);
    }
}
