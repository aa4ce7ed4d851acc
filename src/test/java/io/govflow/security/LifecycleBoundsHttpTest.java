package io.govflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import io.govflow.support.StoreInvariants;
import io.govflow.support.ApiClient;
import io.govflow.support.ApiClient.Reply;
import io.govflow.support.DataDir;
import io.govflow.support.GovflowApp;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * One agent cannot grow the shared metadata file without limit through lifecycle events: only the newest
 * {@code govflow.lifecycle.max-events} are kept, older ones are counted.
 */
@GovflowApp(args = "--govflow.lifecycle.max-events=5")
class LifecycleBoundsHttpTest {

    @DataDir
    static Path dataDir;

    static ApiClient client;

    @Test
    void archiveAndResumeCyclesKeepOnlyTheNewestEventsAndCountTheOthers() throws Exception {
        String key = client.register("cycling_agent_21");
        for (int i = 0; i < 8; i++) {
            assertThat(client.post("/api/v1/agents/cycling_agent_21/archive", key, Map.of("reason", "cycle " + i))
                    .status()).isEqualTo(200);
            Reply resumed = client.post("/api/v1/agents/cycling_agent_21/resume", key, Map.of("reason",
                    "back " + i));
            assertThat(resumed.status()).as(resumed.raw()).isEqualTo(200);
        }

        JsonNode agent = client.get("/api/v1/agents/cycling_agent_21", key).body().get("agent");
        JsonNode events = agent.get("lifecycle_events");
        assertThat(events.size()).isEqualTo(5);
        assertThat(events.get(4).get("event").asString()).isEqualTo("resumed");
        assertThat(events.get(4).get("reason").asString()).isEqualTo("back 7");
        // created + 16 events, 5 kept
        assertThat(agent.get("lifecycle_events_dropped").asLong()).isEqualTo(12);

        client.post("/api/v1/agents/cycling_agent_21/archive", key, Map.of("reason", "last"));
        JsonNode onDisk = metadataOnDisk("cycling_agent_21", "last");
        assertThat(onDisk.get("lifecycle_events").size()).isEqualTo(5);
        assertThat(onDisk.get("lifecycle_events_dropped").asLong()).isEqualTo(13);
    }

    private static JsonNode metadataOnDisk(String agentId, String lastReason) throws Exception {
        // an operator change is in the metadata file before its answer
        JsonNode record = new StoreInvariants(dataDir).storedRecord(agentId);
        JsonNode events = record.get("lifecycle_events");
        assertThat(events.get(events.size() - 1).get("reason").asString()).isEqualTo(lastReason);
        return record;
    }
}
