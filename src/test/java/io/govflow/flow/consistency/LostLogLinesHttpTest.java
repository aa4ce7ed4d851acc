package io.govflow.flow.consistency;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.govflow.support.ApiClient;
import io.govflow.support.RunningApp;
import io.govflow.support.StoreInvariants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * An update log that lost whole lines (restored from an old copy, say) leaves the metadata ahead of it: that is
 * reported as such, and neither repair nor a restart steps the metadata back onto the shorter log.
 */
class LostLogLinesHttpTest {

    private static final String ADMIN = "admin-token-for-lost-lines";

    @TempDir
    Path dataDir;

    @Test
    void metadataAheadOfItsLogIsReportedAndNeverRolledBack() throws Exception {
        try (RunningApp app = RunningApp.start(dataDir, "--govflow.governance.loop-detection=false",
                "--govflow.security.admin-token=" + ADMIN)) {
            ApiClient client = app.client();
            String key = client.register("shortened_agent");
            for (int n = 0; n < 4; n++) {
                assertThat(client.post("/api/v1/agents/shortened_agent/updates", key, Map.of()).status())
                        .isEqualTo(200);
            }
            app.flushCheckpoints();
            Path log = dataDir.resolve("agents/shortened_agent_updates.jsonl");
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            Files.write(log, (String.join("\n", lines.subList(0, 2)) + "\n").getBytes(StandardCharsets.UTF_8));

            JsonNode report = client.get("/api/v1/consistency?agent_id=shortened_agent", ADMIN).body();
            assertThat(codes(report)).contains("METADATA_AHEAD_OF_LOG").doesNotContain("METADATA_BEHIND_LOG");
            JsonNode plan = client.post("/api/v1/maintenance/repair", ADMIN, Map.of("dry_run", true)).body();
            assertThat(plan.toString()).doesNotContain("shortened_agent:roll_forward");
            app.restart();
            assertThat(new StoreInvariants(dataDir).agents().get("shortened_agent").totalUpdates()).isEqualTo(4);
        }
    }

    @Test
    void anUpdateOnALogRestoredFromAnOlderCopyIsStateCorruptAndNeverStepsTheCountBack() throws Exception {
        try (RunningApp app = RunningApp.start(dataDir, "--govflow.governance.loop-detection=false")) {
            ApiClient client = app.client();
            String key = client.register("restored_agent");
            String updates = "/api/v1/agents/restored_agent/updates";
            assertThat(client.post(updates, key, Map.of()).status()).isEqualTo(200);
            app.flushCheckpoints();
            Path log = dataDir.resolve("agents/restored_agent_updates.jsonl");
            Path state = dataDir.resolve("agents/restored_agent_state.json");
            byte[] oldLog = Files.readAllBytes(log);
            byte[] oldState = Files.readAllBytes(state);
            for (int n = 0; n < 2; n++) {
                assertThat(client.post(updates, key, Map.of()).status()).isEqualTo(200);
            }
            Files.write(log, oldLog);
            Files.write(state, oldState);

            ApiClient.Reply refused = client.post(updates, key, Map.of());

            assertThat(refused.status()).as(refused.raw()).isEqualTo(503);
            assertThat(refused.body().get("error_code").asString()).isEqualTo("STATE_CORRUPT");
            assertThat(Files.readAllBytes(log)).isEqualTo(oldLog);
            app.flushCheckpoints();
            assertThat(new StoreInvariants(dataDir).agents().get("restored_agent").totalUpdates()).isEqualTo(3);
        }
    }

    private static List<String> codes(JsonNode report) {
        List<String> codes = new ArrayList<>();
        report.get("agents").get(0).get("problems").forEach(p -> codes.add(p.get("code").asString()));
        return codes;
    }
}
