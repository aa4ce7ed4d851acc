package io.govflow.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.govflow.store.io.DataDirectory;
import io.govflow.support.ApiClient;
import io.govflow.support.ApiClient.Reply;
import io.govflow.support.PostgresTestServer;
import io.govflow.support.RunningApp;

/**
 * {@code govflow.store.kind=postgres} on a real PostgreSQL: the update path commits rows (no agent file is
 * written), everything survives a restart, and the rows hold what the file store's files would.
 */
class PostgresStoreHttpTest {

    @TempDir
    Path dataDir;

    @Test
    void updatesCommitRowsThatSurviveARestart() throws Exception {
        PostgresTestServer.Database db = PostgresTestServer.get().newDatabase("store_http");
        List<String> args = new ArrayList<>(db.appArgs());
        args.add("--govflow.governance.loop-detection=false");
        try (RunningApp app = RunningApp.start(dataDir, args.toArray(String[]::new))) {
            ApiClient client = app.client();
            String key = client.register("pg_agent");
            for (int n = 0; n < 5; n++) {
                Reply reply = client.post("/api/v1/agents/pg_agent/updates", key, Map.of("complexity", 0.4));
                assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
            }
            app.flushCheckpoints();
            DataDirectory files = new DataDirectory(dataDir);
            assertThat(files.metadataFile()).doesNotExist();
            assertThat(files.updateLog("pg_agent")).doesNotExist();
            assertThat(files.stateFile("pg_agent")).doesNotExist();

            app.restart();
            ApiClient after = app.client();
            assertThat(after.get("/api/v1/agents/pg_agent", key).body().get("agent").get("total_updates").asLong())
                    .isEqualTo(5);
            assertThat(after.get("/api/v1/agents/pg_agent/metrics", key).body().get("state").get("update_count")
                    .asLong()).isEqualTo(5);
            Reply sixth = after.post("/api/v1/agents/pg_agent/updates", key, Map.of("complexity", 0.4));
            assertThat(sixth.status()).as(sixth.raw()).isEqualTo(200);
            assertThat(sixth.body().get("metrics").get("updates").asLong()).isEqualTo(6);
        }
        try (Connection c = db.ownerConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT seq, line FROM update_log WHERE agent_id = 'pg_agent' ORDER BY seq")) {
            long expected = 1;
            while (rs.next()) {
                assertThat(rs.getLong(1)).isEqualTo(expected++);
                assertThat(rs.getString(2)).startsWith("{\"seq\":" + rs.getLong(1) + ",").endsWith("\"}\n");
            }
            assertThat(expected).isEqualTo(7);
        }
    }
}
