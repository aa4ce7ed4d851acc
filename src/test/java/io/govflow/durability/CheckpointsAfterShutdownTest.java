package io.govflow.durability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.govflow.store.agent.AgentRecord;
import io.govflow.support.ApiClient;
import io.govflow.support.ChildService;
import io.govflow.support.LongHarness;
import io.govflow.support.StoreInvariants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the checkpoints are after the service process ends (§5.4), in a real child JVM: a graceful shutdown
 * (SIGTERM) leaves every checkpoint exactly at its log; a SIGKILL leaves them behind their logs, never ahead, and
 * the next start rolls them forward before it answers.
 */
@LongHarness
class CheckpointsAfterShutdownTest {

    private static final int UPDATES = 30;
    /** Checkpoints that do not fall due while the test runs, so what the files hold depends on the ending only. */
    private static final String[] LAZY = { "--govflow.governance.loop-detection=false",
            "--govflow.store.metadata-flush-interval=1h", "--govflow.store.state-checkpoint-interval=1h",
            "--govflow.store.state-checkpoint-lines=1000000", "--govflow.store.max-checkpoint-lag=2h" };

    @TempDir
    Path work;

    @Test
    void aGracefulShutdownLeavesEveryCheckpointAtItsLog() throws Exception {
        Path dataDir = Files.createDirectories(work.resolve("data"));
        try (ChildService service = new ChildService(dataDir, work.resolve("service.log"), LAZY).start()) {
            updateTwoAgents(service.client());
            assertLagging(dataDir);
            service.stop();
        }
        new StoreInvariants(dataDir).assertHold();
        assertThat(new StoreInvariants(dataDir).agents().get("graceful_a").totalUpdates()).isEqualTo(UPDATES);
    }

    @Test
    void aSigkillLeavesCheckpointsBehindAndTheNextStartRollsThemForward() throws Exception {
        Path dataDir = Files.createDirectories(work.resolve("data"));
        try (ChildService service = new ChildService(dataDir, work.resolve("service.log"), LAZY).start()) {
            updateTwoAgents(service.client());
            service.kill();
            assertLagging(dataDir);

            service.start();
            new StoreInvariants(dataDir).assertHold();
            ApiClient client = service.client();
            String key = client.register("after_restart");
            assertThat(client.post("/api/v1/agents/after_restart/updates", key, Map.of()).status()).isEqualTo(200);
        }
    }

    private static void updateTwoAgents(ApiClient client) {
        for (String agent : new String[] { "graceful_a", "graceful_b" }) {
            String key = client.register(agent);
            for (int n = 0; n < UPDATES; n++) {
                assertThat(client.post("/api/v1/agents/" + agent + "/updates", key, Map.of()).status())
                        .isEqualTo(200);
            }
        }
    }

    /** Every acknowledged update is in its log; the checkpoints lag behind it (nothing flushed them yet). */
    private static void assertLagging(Path dataDir) {
        StoreInvariants files = new StoreInvariants(dataDir);
        files.assertCheckpointsNotAhead();
        for (String agent : new String[] { "graceful_a", "graceful_b" }) {
            assertThat(files.logOf(agent)).hasSize(UPDATES);
            AgentRecord record = files.agents().get(agent);
            assertThat(record.totalUpdates()).as("metadata checkpoint of %s", agent).isLessThan(UPDATES);
            assertThat(dataDir.resolve("agents/" + agent + "_state.json")).as("state checkpoint of %s", agent)
                    .doesNotExist();
        }
    }
}
