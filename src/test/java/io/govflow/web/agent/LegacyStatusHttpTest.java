package io.govflow.web.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.govflow.support.ApiClient;
import io.govflow.support.ApiClient.Reply;
import io.govflow.support.RunningApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A status word the service does not know (an older reference wrote health labels there) is served as it is,
 * counted under its own word, and kept in the file when the record is edited.
 */
class LegacyStatusHttpTest {

    private static final String ADMIN = "legacy-admin-token";

    @TempDir
    Path dataDir;

    @Test
    void aLegacyStatusIsServedCountedAndKept() throws Exception {
        try (RunningApp app = RunningApp.start(dataDir, "--govflow.security.admin-token=" + ADMIN)) {
            String key = app.client().register("legacy_agent");
            app.client().register("modern_agent");
            app.close();
            Path metadata = dataDir.resolve("agent_metadata.json");
            String text = Files.readString(metadata);
            Files.writeString(metadata, text.replaceFirst("\"status\": \"active\"", "\"status\": \"moderate\""));
            app.restart();
            ApiClient client = app.client();

            assertThat(client.get("/api/v1/agents/legacy_agent", key).body().at("/agent/status").asString())
                    .isEqualTo("moderate");
            JsonNode listing = client.get("/api/v1/agents", ADMIN).body();
            assertThat(listing.get("counts_by_status").propertyNames())
                    .containsExactly("active", "waiting_input", "paused", "archived", "deleted", "moderate");
            assertThat(listing.at("/counts_by_status/moderate").asLong()).isEqualTo(1);
            assertThat(listing.at("/counts_by_status/active").asLong()).isEqualTo(1);
            assertThat(client.get("/api/v1/agents?status=moderate", ADMIN).status()).isEqualTo(400);

            Reply patched = client.send("PATCH", "/api/v1/agents/legacy_agent", key,
                    Map.of("tags", List.of("reviewed")), Map.of());

            assertThat(patched.status()).as(patched.raw()).isEqualTo(200);
            String after = Files.readString(metadata);
            JsonNode file = ApiClient.JSON.readTree(after);
            assertThat(file.at("/legacy_agent/status").asString()).isEqualTo("moderate");
            assertThat(file.at("/legacy_agent/tags/0").asString()).isEqualTo("reviewed");
            assertThat(file.at("/modern_agent/status").asString()).isEqualTo("active");
            assertThat(after).contains("\"status\": \"moderate\",");
        }
    }
}
