package io.govflow.store.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.govflow.store.io.DataDirectory;
import io.govflow.support.ApiClient;
import io.govflow.support.ApiClient.Reply;
import io.govflow.support.RunningApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code govflow.store.kind=memory}: the same flows over the in-memory agent stores — the update path answers as
 * with the file store, no agent file is written, and nothing survives the process.
 */
class MemoryStoreHttpTest {

    @TempDir
    Path dataDir;

    @Test
    void theUpdatePathRunsInMemoryAndWritesNoAgentFile() {
        try (RunningApp app = RunningApp.start(dataDir, "--govflow.store.kind=memory",
                "--govflow.governance.loop-detection=false")) {
            ApiClient client = app.client();
            String key = client.register("memory_agent");
            long seq = 0;
            for (int n = 0; n < 5; n++) {
                Reply reply = client.post("/api/v1/agents/memory_agent/updates", key, Map.of("complexity", 0.4));
                assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
                seq = reply.body().get("metrics").get("updates").asLong();
            }
            assertThat(seq).isEqualTo(5);
            assertThat(client.get("/api/v1/agents/memory_agent", key).body().get("agent").get("total_updates")
                    .asLong()).isEqualTo(5);
            assertThat(client.get("/api/v1/agents/memory_agent/metrics", key).body().get("state")
                    .get("update_count").asLong()).isEqualTo(5);
            assertThat(client.post("/api/v1/agents/memory_agent/updates", "wrong-key", Map.of()).status())
                    .isEqualTo(401);
            app.flushCheckpoints();

            DataDirectory files = new DataDirectory(dataDir);
            assertThat(files.metadataFile()).doesNotExist();
            assertThat(files.updateLog("memory_agent")).doesNotExist();
            assertThat(files.stateFile("memory_agent")).doesNotExist();

            app.restart();
            assertThat(app.client().get("/api/v1/agents/memory_agent", key).status())
                    .as("nothing is durable in memory").isIn(401, 404);
        }
    }

    @Test
    void anUnknownStoreKindStopsTheStartWithItsName() {
        assertThatThrownBy(() -> RunningApp.start(dataDir, "--govflow.store.kind=floppy").close())
                .hasStackTraceContaining("govflow.store.kind must be 'file', 'postgres' or 'memory'");
        assertThat(Files.exists(dataDir.resolve("agent_metadata.json"))).isFalse();
    }
}
