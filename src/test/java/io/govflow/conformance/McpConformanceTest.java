package io.govflow.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.govflow.support.ApiClient;
import io.govflow.support.McpTestClient;
import io.govflow.support.RunningApp;
import io.govflow.support.StoreInvariants;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Golden sequences replayed through MCP ({@code process_agent_update} with the SDK client) and through REST, on
 * two agents of one service: every step matches the reference to 1e-9 (as {@link HttpConformanceTest} checks
 * REST), and the MCP answer's decision and metrics equal the REST answer's to 1e-9.
 */
class McpConformanceTest {

    private static final int SEQUENCES = 2;
    private static final double TOLERANCE = 1e-9;

    @TempDir
    Path dataDir;

    @Test
    void goldenSequencesThroughMcpGiveTheRestNumbers() {
        int compared = 0;
        try (RunningApp app = RunningApp.start(dataDir, "--govflow.governance.loop-detection=false",
                "--logging.level.io.govflow=WARN")) {
            Iterator<JsonNode> sequences = HttpConformanceTest.load("dynamics-golden-a").get("sequences").values()
                    .iterator();
            try (McpTestClient mcp = McpTestClient.connect(app.port(), null)) {
                for (int index = 0; index < SEQUENCES; index++) {
                    compared += replay(app.client(), mcp, sequences.next().get("steps"), index);
                }
            }
        }
        assertThat(compared).isEqualTo(SEQUENCES * 250);
        new StoreInvariants(dataDir).assertHold();
    }

    private static int replay(ApiClient rest, McpTestClient mcp, JsonNode steps, int index) {
        String viaMcp = "golden_mcp_" + index;
        String viaRest = "golden_rest_" + index;
        String restKey = rest.register(viaRest);
        String mcpKey = rest.register(viaMcp);
        for (int n = 0; n < steps.size(); n++) {
            JsonNode step = steps.get(n);
            Map<String, Object> body = HttpConformanceTest.body(step.get("input"));
            Map<String, Object> arguments = new LinkedHashMap<>(body);
            arguments.put("agent_id", viaMcp);
            arguments.put("api_key", mcpKey);
            JsonNode fromMcp = mcp.ok("process_agent_update", arguments);
            ApiClient.Reply fromRest = rest.post("/api/v1/agents/" + viaRest + "/updates", restKey, body);
            assertThat(fromRest.status()).isEqualTo(200);
            String where = "sequence " + index + " step " + (n + 1);
            HttpConformanceTest.compare(where + " (MCP)", fromMcp, step.get("output"));
            sameNumbers(where, fromMcp, fromRest.body());
        }
        return steps.size();
    }

    private static void sameNumbers(String where, JsonNode mcp, JsonNode rest) {
        assertThat(mcp.path("status")).as(where).isEqualTo(rest.path("status"));
        assertThat(mcp.path("decision").path("action")).as(where).isEqualTo(rest.path("decision").path("action"));
        for (String group : List.of("metrics", "sampling_params")) {
            rest.path(group).properties().forEach(field -> {
                JsonNode value = mcp.path(group).path(field.getKey());
                if (field.getValue().isNumber()) {
                    assertThat(value.asDouble()).as(where + " " + field.getKey())
                            .isCloseTo(field.getValue().asDouble(), within(TOLERANCE));
                } else {
                    assertThat(value).as(where + " " + field.getKey()).isEqualTo(field.getValue());
                }
            });
        }
    }
}
