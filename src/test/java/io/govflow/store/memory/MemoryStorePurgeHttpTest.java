package io.govflow.store.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import io.govflow.support.ApiClient;
import io.govflow.support.ApiClient.Reply;
import io.govflow.support.RunningApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin purge over the in-memory agent stores: the agent's record, log and state go, its id starts afresh. */
class MemoryStorePurgeHttpTest {

    private static final String ADMIN = "memory-purge-admin-token";

    @TempDir
    Path dataDir;

    @Test
    void aDeletedAgentIsPurgedFromMemory() {
        try (RunningApp app = RunningApp.start(dataDir, "--govflow.store.kind=memory",
                "--govflow.security.admin-token=" + ADMIN, "--govflow.governance.loop-detection=false")) {
            ApiClient client = app.client();
            String key = client.register("memory_purged");
            for (int n = 0; n < 3; n++) {
                assertThat(update(client, "memory_purged", key).status()).isEqualTo(200);
            }
            app.flushCheckpoints();
            assertThat(client.post("/api/v1/agents/memory_purged/purge", ADMIN, null).body().get("error_code")
                    .asString()).isEqualTo("AGENT_NOT_DELETED");
            assertThat(client.send("DELETE", "/api/v1/agents/memory_purged", key, null, Map.of()).status())
                    .isEqualTo(200);

            Reply purged = client.post("/api/v1/agents/memory_purged/purge", ADMIN, null);

            assertThat(purged.status()).as(purged.raw()).isEqualTo(200);
            // context documents live in the data directory with either store kind
            assertThat(purged.body().get("removed").valueStream().map(node -> node.asString()).toList())
                    .containsSubsequence("state_file", "update_log", "record");
            assertThat(client.get("/api/v1/agents/memory_purged", ADMIN).status()).isEqualTo(404);
            assertThat(client.post("/api/v1/agents/memory_purged/purge", ADMIN, null).status()).isEqualTo(404);
            String freshKey = client.register("memory_purged");
            Reply first = update(client, "memory_purged", freshKey);
            assertThat(first.status()).as(first.raw()).isEqualTo(200);
            assertThat(first.body().at("/metrics/updates").asLong()).isEqualTo(1);
            app.flushCheckpoints();
            assertThat(client.get("/api/v1/agents/memory_purged", freshKey).body().at("/agent/total_updates")
                    .asLong()).isEqualTo(1);
        }
    }

    private static Reply update(ApiClient client, String agentId, String key) {
        return client.post("/api/v1/agents/" + agentId + "/updates", key, Map.of("complexity", 0.4));
    }
}
