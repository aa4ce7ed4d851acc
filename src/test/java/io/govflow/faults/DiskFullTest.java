package io.govflow.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.govflow.store.agent.UpdateLogEntry;
import io.govflow.flow.update.Checkpointer;
import io.govflow.support.ApiClient;
import io.govflow.support.ApiClient.Reply;
import io.govflow.support.DataDirChecks;
import io.govflow.support.RunningApp;
import io.govflow.support.StoreInvariants;
import io.govflow.support.TmpfsMount;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The data directory on a 2 MiB tmpfs that the test fills up: writes fail with {@code DISK_FULL} (507) before
 * anything is committed, never with a 2xx for something not written; an update whose log line still fits is
 * committed and answered 200 while its checkpoints wait for space; nothing written before is damaged; no temp
 * file stays; and once space returns the same running service writes again and catches up.
 */
class DiskFullTest {

    @TempDir
    static Path work;

    static TmpfsMount mount;

    @BeforeAll
    static void mountSmallTmpfs() {
        mount = TmpfsMount.mount(work.resolve("mnt"), "2m");
    }

    @AfterAll
    static void unmount() {
        if (mount != null) {
            mount.close();
        }
    }

    @Test
    void writesFailWithDiskFullAndTheServiceRecoversWhenSpaceReturns() throws IOException {
        Path dataDir = mount.dir().resolve("data");
        Path filler = mount.dir().resolve("filler");
        List<Long> acked = new ArrayList<>();
        try (RunningApp app = RunningApp.start(dataDir, "--govflow.governance.loop-detection=false")) {
            ApiClient client = app.client();
            String key = client.register("full_agent");
            String newcomerKey = client.register("newcomer_agent");
            for (int n = 0; n < 5; n++) {
                acked.add(seq(update(client, "full_agent", key)));
            }
            app.flushCheckpoints();

            fill(filler);
            List<String> codes = new ArrayList<>();
            codes.add(expectRefused(update(client, "newcomer_agent", newcomerKey)));
            codes.add(expectRefused(client.post("/api/v1/agents", null, Map.of("agent_id", "late_agent"))));
            int committedWhileFull = 0;
            for (int n = 0; n < 3; n++) {
                Reply reply = update(client, "full_agent", key);
                if (reply.status() == 200) {
                    // a full disk can still take a short log append: the commit point; its checkpoints wait
                    acked.add(seq(reply));
                    committedWhileFull++;
                } else {
                    codes.add(expectRefused(reply));
                }
            }
            assertThat(codes).contains("DISK_FULL");
            if (committedWhileFull > 0) {
                assertThat(app.bean(Checkpointer.class).flushAll()).as("checkpoints cannot be written yet").isFalse();
                assertThat(client.get("/api/v1/agents/full_agent", key).body().get("agent").get("total_updates")
                        .asLong()).as("readers see the committed updates").isEqualTo(acked.get(acked.size() - 1));
            }
            assertThat(client.get("/api/v1/agents/full_agent/metrics", key).status()).isEqualTo(200);
            assertThat(app.client().get("/actuator/health/readiness", null).status()).as("no latch").isEqualTo(200);
            assertThat(logSeqs(dataDir, "full_agent")).containsAll(acked);
            assertThat(logSeqs(dataDir, "newcomer_agent")).isEmpty();
            DataDirChecks.assertNoTempFiles(dataDir);
            DataDirChecks.assertJsonFilesParse(dataDir);

            Files.delete(filler);
            acked.add(seq(update(client, "full_agent", key)));
            assertThat(update(client, "newcomer_agent", newcomerKey).status()).isEqualTo(200);
            assertThat(client.post("/api/v1/agents", null, Map.of("agent_id", "late_agent")).status()).isEqualTo(201);
            new StoreInvariants(dataDir).assertCheckpointsNotAhead();
            app.flushCheckpoints();
            new StoreInvariants(dataDir).assertHold();
        }
        try (RunningApp restarted = RunningApp.start(dataDir)) {
            new StoreInvariants(dataDir).assertHold();
            assertThat(logSeqs(dataDir, "full_agent")).containsAll(acked);
        }
    }

    /** 507 DISK_FULL: nothing was committed (a committed update is never answered with an error). */
    private static String expectRefused(Reply reply) {
        assertThat(reply.status()).as(reply.raw()).isEqualTo(507);
        String code = reply.body().get("error_code").asString();
        assertThat(code).isEqualTo("DISK_FULL");
        return code;
    }

    private static void fill(Path filler) {
        byte[] chunk = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(chunk);
            }
        } catch (IOException full) {
            assertThat(full.getMessage()).contains("No space left on device");
        }
    }

    private static Reply update(ApiClient client, String agent, String key) {
        return client.post("/api/v1/agents/" + agent + "/updates", key, Map.of("complexity", 0.5));
    }

    private static long seq(Reply reply) {
        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        return reply.body().get("metrics").get("updates").asLong();
    }

    private static List<Long> logSeqs(Path dataDir, String agent) {
        return new StoreInvariants(dataDir).logOf(agent).stream().map(UpdateLogEntry::seq).toList();
    }
}
