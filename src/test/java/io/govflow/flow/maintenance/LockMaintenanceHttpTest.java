package io.govflow.flow.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.govflow.store.io.LockHolderMain;
import io.govflow.support.ApiClient;
import io.govflow.support.ApiClient.Reply;
import io.govflow.support.RunningApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Lock maintenance over HTTP with other processes holding lock files: the listing says which are held, a cleanup
 * removes only orphans nobody holds (never a held one, never one whose data exists), and removes the held orphans
 * once their holders are gone.
 */
class LockMaintenanceHttpTest {

    private static final String ADMIN = "locks-admin-token";

    @TempDir
    Path dataDir;

    @Test
    void cleanupRemovesOnlyOrphansNobodyHolds() throws Exception {
        Path heldOrphan = touch("agents/.ghost_held_state.lock");
        Path freeOrphan = touch("agents/.ghost_free_state.lock");
        Path heldForeign = touch("locks/old_held.lock");
        Path freeForeign = touch("locks/old_free.lock");
        Path sessionOrphan = touch("dialectic_sessions/.abc123.lock");
        try (RunningApp app = RunningApp.start(dataDir, "--govflow.security.admin-token=" + ADMIN,
                "--govflow.governance.loop-detection=false")) {
            ApiClient client = app.client();
            String key = client.register("real_agent");
            assertThat(client.post("/api/v1/agents/real_agent/updates", key, Map.of()).status()).isEqualTo(200);
            Path realLock = dataDir.resolve("agents/.real_agent_state.lock");
            assertThat(realLock).exists();

            Process holder = hold(heldOrphan);
            Process foreignHolder = hold(heldForeign);
            try {
                Map<String, JsonNode> listed = byFile(client.get("/api/v1/maintenance/locks", ADMIN));
                assertLock(listed, "agents/.ghost_held_state.lock", "agent", true, true);
                assertLock(listed, "agents/.ghost_free_state.lock", "agent", false, true);
                assertLock(listed, "agents/.real_agent_state.lock", "agent", false, false);
                assertLock(listed, ".metadata.lock", "metadata", false, false);
                assertLock(listed, "locks/old_held.lock", "foreign", true, true);
                assertLock(listed, "locks/old_free.lock", "foreign", false, true);
                assertLock(listed, "dialectic_sessions/.abc123.lock", "session", false, true);
                assertThat(listed.get("agents/.ghost_held_state.lock").has("action")).isFalse();

                Reply dry = client.post("/api/v1/maintenance/locks/cleanup", ADMIN, Map.of("dry_run", true));
                Map<String, JsonNode> planned = byFile(dry);
                assertThat(planned.get("agents/.ghost_free_state.lock").get("action").asString())
                        .isEqualTo("would_remove");
                assertThat(planned.get("agents/.ghost_held_state.lock").get("action").asString()).isEqualTo("kept");
                assertThat(dry.body().get("totals").get("would_remove").asLong()).isEqualTo(3);
                assertThat(List.of(heldOrphan, freeOrphan, heldForeign, freeForeign, sessionOrphan))
                        .allMatch(Files::exists);

                Reply cleaned = client.post("/api/v1/maintenance/locks/cleanup", ADMIN, Map.of());
                assertThat(cleaned.body().get("totals").get("removed").asLong()).isEqualTo(3);
                assertThat(freeOrphan).doesNotExist();
                assertThat(freeForeign).doesNotExist();
                assertThat(sessionOrphan).doesNotExist();
                assertThat(heldOrphan).exists();
                assertThat(heldForeign).exists();
                assertThat(realLock).exists();
                assertThat(dataDir.resolve(".metadata.lock")).exists();
                assertThat(holder.isAlive()).isTrue();
            } finally {
                kill(holder);
                kill(foreignHolder);
            }
            Reply afterHolders = client.post("/api/v1/maintenance/locks/cleanup", ADMIN, null);
            assertThat(afterHolders.body().get("totals").get("removed").asLong()).isEqualTo(2);
            assertThat(heldOrphan).doesNotExist();
            assertThat(heldForeign).doesNotExist();
            assertThat(client.post("/api/v1/agents/real_agent/updates", key, Map.of()).status()).isEqualTo(200);
            assertThat(client.get("/api/v1/maintenance/locks", key).status()).isEqualTo(403);
        }
    }

    private Path touch(String relative) throws Exception {
        Path file = dataDir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.createFile(file);
        return file;
    }

    private static Process hold(Path file) throws Exception {
        Process process = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                LockHolderMain.class.getName(), "hold", file.toString(), "600000"))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        String first = CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).get(60, TimeUnit.SECONDS);
        assertThat(first).isEqualTo("LOCKED");
        return process;
    }

    private static void kill(Process process) throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    private static Map<String, JsonNode> byFile(Reply reply) {
        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        Map<String, JsonNode> out = new HashMap<>();
        reply.body().get("locks").forEach(l -> out.put(l.get("file").asString(), l));
        return out;
    }

    private static void assertLock(Map<String, JsonNode> locks, String file, String kind, boolean held,
            boolean orphan) {
        JsonNode lock = locks.get(file);
        assertThat(lock).as(file).isNotNull();
        assertThat(lock.get("kind").asString()).as(file).isEqualTo(kind);
        assertThat(lock.get("held").asBoolean()).as(file + " held").isEqualTo(held);
        assertThat(lock.get("orphan").asBoolean()).as(file + " orphan").isEqualTo(orphan);
    }
}
