package io.govflow.flow.update;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.govflow.support.ApiClient;
import io.govflow.support.ApiClient.Reply;
import io.govflow.support.RunningApp;
import io.govflow.store.io.MetadataLockMain;
import io.govflow.store.io.StoreJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The update log is the truth for what updates did to the metadata: when the metadata checkpoint of a committed
 * update is lost (a crash right after the commit, or a failed checkpoint write; here the file is put back as it
 * was before the update), the status the update set and its recent-update entries still count, and the next
 * checkpoint or start-up writes them.
 */
class LaggingMetadataHttpTest {

    private static final String ADMIN = "lagging-metadata-admin";

    @TempDir
    Path dataDir;

    @Test
    void aCommittedPauseWhoseCheckpointWasLostStillPausesTheAgent() throws Exception {
        try (RunningApp app = RunningApp.start(dataDir, "--govflow.security.admin-token=" + ADMIN,
                "--govflow.governance.enforce-pause=true", "--govflow.governance.loop-detection=false")) {
            ApiClient client = app.client();
            String key = client.register("pauser");
            assertThat(client.send("PUT", "/api/v1/config/thresholds", ADMIN, strictThresholds(), Map.of()).status())
                    .isEqualTo(200);
            byte[] beforeUpdate = Files.readAllBytes(metadataFile());
            Reply paused = client.post("/api/v1/agents/pauser/updates", key, Map.of());
            assertThat(paused.body().get("decision").get("action").asString()).isEqualTo("pause");
            Files.write(metadataFile(), beforeUpdate);

            Reply next = client.post("/api/v1/agents/pauser/updates", key, Map.of());

            assertThat(next.status()).as(next.raw()).isEqualTo(409);
            assertThat(next.body().get("error_code").asString()).isEqualTo("AGENT_PAUSED");
            Reply shown = client.get("/api/v1/agents/pauser", key);
            assertThat(shown.body().get("agent").get("status").asString()).isEqualTo("paused");
            assertThat(shown.body().get("agent").get("total_updates").asLong()).isEqualTo(1);
            String etag = shown.headers().firstValue("ETag").orElseThrow();
            Reply patched = client.send("PATCH", "/api/v1/agents/pauser", key, Map.of("notes", "checked"),
                    Map.of("If-Match", etag));
            assertThat(patched.status()).as(patched.raw()).isEqualTo(200);
            Files.write(metadataFile(), beforeUpdate);
            app.restart();
            JsonNode record = metadataRecord("pauser");
            assertThat(record.get("status").asString()).isEqualTo("paused");
            assertThat(record.get("total_updates").asLong()).isEqualTo(1);
            JsonNode events = record.get("lifecycle_events");
            assertThat(events.get(events.size() - 1).get("event").asString()).isEqualTo("paused");
            assertThat(events.get(events.size() - 1).get("timestamp").asString())
                    .isEqualTo(paused.body().get("timestamp").asString());
        }
    }

    @Test
    void aLostCheckpointLosesNoRecentUpdateEntry() throws Exception {
        try (RunningApp app = RunningApp.start(dataDir, "--govflow.governance.loop-detection=false")) {
            ApiClient client = app.client();
            String key = client.register("steady");
            assertThat(client.post("/api/v1/agents/steady/updates", key, Map.of()).status()).isEqualTo(200);
            app.flushCheckpoints();
            byte[] afterFirst = Files.readAllBytes(metadataFile());
            assertThat(client.post("/api/v1/agents/steady/updates", key, Map.of()).status()).isEqualTo(200);
            app.flushCheckpoints();
            Files.write(metadataFile(), afterFirst);

            assertThat(client.post("/api/v1/agents/steady/updates", key, Map.of()).status()).isEqualTo(200);
            app.flushCheckpoints();

            JsonNode record = metadataRecord("steady");
            assertThat(record.get("total_updates").asLong()).isEqualTo(3);
            List<String> recent = new ArrayList<>();
            record.get("recent_update_timestamps").forEach(ts -> recent.add(ts.asString()));
            List<String> logged = new ArrayList<>();
            for (String line : Files.readAllLines(dataDir.resolve("agents/steady_updates.jsonl"))) {
                logged.add(new StoreJson().parseObject(line.getBytes()).get("ts").asString());
            }
            assertThat(recent).containsExactlyElementsOf(logged);

            assertThat(client.post("/api/v1/agents/steady/archive", key, Map.of()).status()).isEqualTo(200);
            assertThat(metadataRecord("steady").get("status_seq").asLong()).isEqualTo(3);
        }
    }

    @Test
    void anUpdateCommittedWhileTheMetadataLockStaysBusyIsAnsweredAndCheckpointedLater() throws Exception {
        try (RunningApp app = RunningApp.start(dataDir, "--govflow.governance.loop-detection=false",
                "--govflow.lock.timeout=1s")) {
            ApiClient client = app.client();
            String key = client.register("patient");
            Process holder = new ProcessBuilder(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1",
                    "-cp", System.getProperty("java.class.path"), MetadataLockMain.class.getName(),
                    dataDir.toString(), "4000")).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line = out.readLine();
                while (line != null && !line.equals("LOCKED")) {
                    line = out.readLine();
                }
                assertThat(line).isEqualTo("LOCKED");

                Reply committed = client.post("/api/v1/agents/patient/updates", key, Map.of());

                assertThat(committed.status()).as(committed.raw()).isEqualTo(200);
                assertThat(client.get("/api/v1/agents/patient", key).body().get("agent").get("total_updates")
                        .asLong()).isEqualTo(1);
                assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
            } finally {
                holder.destroyForcibly();
            }
            assertThat(client.post("/api/v1/agents/patient/updates", key, Map.of()).status()).isEqualTo(200);
            app.flushCheckpoints();
            JsonNode record = metadataRecord("patient");
            assertThat(record.get("total_updates").asLong()).isEqualTo(2);
            assertThat(record.get("recent_update_timestamps").size()).isEqualTo(2);
        }
    }

    private Path metadataFile() {
        return LaggingMetadata.metadataFile(dataDir);
    }

    private JsonNode metadataRecord(String agentId) throws Exception {
        return LaggingMetadata.metadataRecord(dataDir, agentId);
    }

    private static Map<String, Object> strictThresholds() {
        return LaggingMetadata.strictThresholds();
    }
}
