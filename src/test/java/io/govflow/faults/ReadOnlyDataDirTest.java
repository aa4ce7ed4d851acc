package io.govflow.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import io.govflow.support.ApiClient;
import io.govflow.support.ApiClient.Reply;
import io.govflow.support.FileTree;
import io.govflow.support.RunningApp;
import io.govflow.support.StoreInvariants;
import io.govflow.support.TmpfsMount;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The data directory's file system is remounted read-only under the running service: writes answer
 * {@code STORE_READ_ONLY} (503 with Retry-After), reads keep working, readiness is DOWN, nothing changes on
 * disk; once it is writable again, readiness is UP and writes succeed.
 */
class ReadOnlyDataDirTest {

    @TempDir
    static Path work;

    static TmpfsMount mount;

    @BeforeAll
    static void mountTmpfs() {
        mount = TmpfsMount.mount(work.resolve("mnt"), "16m");
    }

    @AfterAll
    static void unmount() {
        if (mount != null) {
            mount.close();
        }
    }

    @Test
    void writesAreRefusedReadsServedAndReadinessDownWhileTheFileSystemIsReadOnly() {
        Path dataDir = mount.dir().resolve("data");
        try (RunningApp app = RunningApp.start(dataDir, "--govflow.governance.loop-detection=false")) {
            ApiClient client = app.client();
            String key = client.register("ro_agent");
            String idleKey = client.register("ro_idle_agent");
            assertThat(update(client, "ro_agent", key).status()).isEqualTo(200);
            app.flushCheckpoints();
            Map<String, String> before = FileTree.fingerprint(dataDir);

            mount.remount(true);
            try {
                assertReadOnly(update(client, "ro_agent", key));
                assertReadOnly(update(client, "ro_idle_agent", idleKey));
                assertReadOnly(client.post("/api/v1/agents", null, Map.of("agent_id", "ro_newcomer")));
                assertThat(client.get("/api/v1/agents/ro_agent", key).status()).isEqualTo(200);
                assertThat(client.get("/api/v1/agents/ro_agent/metrics", key).status()).isEqualTo(200);
                Reply readiness = client.get("/actuator/health/readiness", null);
                assertThat(readiness.status()).as(readiness.raw()).isEqualTo(503);
                assertThat(client.get("/actuator/health/liveness", null).status()).isEqualTo(200);
                assertThat(FileTree.fingerprint(dataDir)).isEqualTo(before);
            } finally {
                mount.remount(false);
            }
            assertThat(client.get("/actuator/health/readiness", null).status()).isEqualTo(200);
            assertThat(update(client, "ro_agent", key).status()).isEqualTo(200);
            assertThat(update(client, "ro_idle_agent", idleKey).status()).isEqualTo(200);
            app.flushCheckpoints();
            new StoreInvariants(dataDir).assertHold();
        }
    }

    private static void assertReadOnly(Reply reply) {
        assertThat(reply.status()).as(reply.raw()).isEqualTo(503);
        assertThat(reply.body().get("error_code").asString()).isEqualTo("STORE_READ_ONLY");
        assertThat(reply.headers().firstValue("Retry-After")).isPresent();
        assertThat(reply.raw()).doesNotContain("Read-only file system").doesNotContain("/");
    }

    private static Reply update(ApiClient client, String agent, String key) {
        return client.post("/api/v1/agents/" + agent + "/updates", key, Map.of("complexity", 0.5));
    }
}
