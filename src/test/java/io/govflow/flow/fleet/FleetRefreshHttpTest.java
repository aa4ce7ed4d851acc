package io.govflow.flow.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.govflow.support.ApiClient;
import io.govflow.support.RunningApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The fleet index beyond one instance's own commits: what a second instance on the same data directory writes
 * (updates, an archive) appears in the first one's answers once its refresh interval has passed; and the index
 * works on the in-memory store as on files.
 */
class FleetRefreshHttpTest {

    private static final String ADMIN = "fleet-refresh-admin-token";
    private static final String AGENTS = "/api/v1/fleet/agents?size=500";
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @TempDir
    Path dataDir;

    @Test
    void updatesAndAnArchiveWrittenByASecondInstanceShowAfterTheRefreshInterval() {
        try (RunningApp first = start(); RunningApp second = start()) {
            ApiClient reader = first.client();
            ApiClient writer = second.client();
            String key = writer.register("written_elsewhere");
            assertThat(writer.post("/api/v1/agents/written_elsewhere/updates", key, Map.of()).status())
                    .isEqualTo(200);
            // the first instance builds its index now, with one line in the log
            await().atMost(PATIENCE).untilAsserted(
                    () -> assertThat(row(reader, "written_elsewhere").get("update_count").asLong()).isEqualTo(1));
            long hourBefore = summary(reader).get("updates_last_hour").asLong();

            for (int k = 0; k < 3; k++) {
                assertThat(writer.post("/api/v1/agents/written_elsewhere/updates", key, Map.of()).status())
                        .isEqualTo(200);
            }
            await().atMost(PATIENCE).untilAsserted(() -> {
                JsonNode row = row(reader, "written_elsewhere");
                assertThat(row.get("update_count").asLong()).isEqualTo(4);
                assertThat(row.get("attention_score").isNumber()).isTrue();
            });
            assertThat(summary(reader).get("updates_last_hour").asLong()).isEqualTo(hourBefore + 3);

            assertThat(writer.post("/api/v1/agents/written_elsewhere/archive", key, Map.of()).status())
                    .isEqualTo(200);
            await().atMost(PATIENCE).untilAsserted(
                    () -> assertThat(row(reader, "written_elsewhere").get("status").asString()).isEqualTo("archived"));
            assertThat(summary(reader).get("by_status").get("archived").asLong()).isEqualTo(1);
        }
    }

    @Test
    void theIndexWorksOnTheInMemoryStore() {
        try (RunningApp app = RunningApp.start(dataDir, "--govflow.security.admin-token=" + ADMIN,
                "--govflow.store.kind=memory", "--govflow.governance.loop-detection=false")) {
            ApiClient client = app.client();
            String key = client.register("kept_in_memory");
            assertThat(summary(client).get("attention").get("agents").asInt()).isZero();
            assertThat(summary(client).get("attention").get("p50").isNull()).isTrue();
            for (int k = 0; k < 2; k++) {
                assertThat(client.post("/api/v1/agents/kept_in_memory/updates", key, Map.of()).status())
                        .isEqualTo(200);
            }
            JsonNode summary = summary(client);
            assertThat(summary.get("attention").get("agents").asInt()).isEqualTo(1);
            assertThat(summary.get("attention").get("p50").isNumber()).isTrue();
            assertThat(summary.get("updates_last_hour").asLong()).isEqualTo(2);
            assertThat(row(client, "kept_in_memory").get("update_count").asLong()).isEqualTo(2);
        }
    }

    private RunningApp start() {
        return RunningApp.start(dataDir, "--govflow.security.admin-token=" + ADMIN,
                "--govflow.governance.loop-detection=false", "--govflow.fleet.refresh-interval=200ms",
                "--govflow.store.metadata-flush-interval=100ms");
    }

    private static JsonNode summary(ApiClient client) {
        var reply = client.get("/api/v1/fleet/summary", ADMIN);
        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        return reply.body();
    }

    private static JsonNode row(ApiClient client, String agentId) {
        var reply = client.get(AGENTS, ADMIN);
        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        for (JsonNode agent : reply.body().get("agents")) {
            if (agent.get("agent_id").asString().equals(agentId)) {
                return agent;
            }
        }
        throw new AssertionError(agentId + " not listed yet");
    }
}
