package io.govflow.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.govflow.support.ApiClient;
import io.govflow.support.ApiClient.Reply;
import io.govflow.support.PostgresTestServer;
import io.govflow.support.RunningApp;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/v1/consistency} on PostgreSQL checks the rows with the file store's invariants: clean for a
 * healthy database, and rows broken behind the service's back (a middle or last log row deleted, a state document
 * the codec refuses, an agent's record removed) are reported with the file store's codes. Repair moves nothing
 * aside in the database: a damaged state row is left for an operator.
 */
class PostgresConsistencyHttpTest {

    private static final String ADMIN = "pg-consistency-admin-token";
    private static final List<String> AGENTS = List.of("pg_fine", "pg_gap", "pg_lost_tail", "pg_state",
            "pg_orphan");

    @TempDir
    Path dataDir;

    @Test
    void aHealthyDatabaseIsCleanAndBrokenRowsAreReported() throws Exception {
        PostgresTestServer.Database db = PostgresTestServer.get().newDatabase("consistency");
        try (RunningApp app = RunningApp.start(dataDir, args(db))) {
            ApiClient client = app.client();
            for (String agent : AGENTS) {
                String key = client.register(agent);
                for (int n = 0; n < 4; n++) {
                    Reply reply = client.post("/api/v1/agents/" + agent + "/updates", key, Map.of("complexity", 0.3));
                    assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
                }
            }
            app.flushCheckpoints();

            JsonNode clean = consistency(client, "");
            assertThat(clean.get("totals").get("agents").asLong()).isEqualTo(AGENTS.size());
            assertThat(clean.get("totals").get("errors").asLong()).as(clean.toString()).isZero();
            assertThat(clean.get("totals").get("warnings").asLong()).as(clean.toString()).isZero();
            assertThat(clean.get("files").size()).as(clean.toString()).isZero();

            try (Connection c = db.ownerConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("DELETE FROM update_log WHERE agent_id = 'pg_gap' AND seq = 2");
                s.executeUpdate("DELETE FROM update_log WHERE agent_id = 'pg_lost_tail' AND seq = 4");
                s.executeUpdate("UPDATE agent_state SET state = '[\"not\", \"a\", \"state\"]'::jsonb "
                        + "WHERE agent_id = 'pg_state'");
                s.executeUpdate("DELETE FROM agent_metadata WHERE agent_id = 'pg_orphan'");
                // replicas reuse their view of the records until the store's change counter moves
                s.executeUpdate("UPDATE store_version SET version = version + 1 WHERE name = 'metadata'");
            }

            Map<String, Set<String>> codes = codes(consistency(client, ""));
            assertThat(codes.keySet()).containsExactlyInAnyOrderElementsOf(AGENTS);
            assertThat(codes.get("pg_fine")).isEmpty();
            assertThat(codes.get("pg_gap")).contains("LOG_NOT_CONTIGUOUS");
            assertThat(codes.get("pg_lost_tail")).contains("LOG_NOT_CONTIGUOUS", "METADATA_AHEAD_OF_LOG",
                    "STATE_AHEAD_OF_LOG");
            assertThat(codes.get("pg_state")).containsExactly("STATE_CORRUPT");
            assertThat(codes.get("pg_orphan")).containsExactly("ORPHAN_STATE");

            assertThat(codes(consistency(client, "?agent_id=pg_gap")).keySet()).containsExactly("pg_gap");
            assertThat(codes(consistency(client, "?agent_id=pg_orphan")).get("pg_orphan"))
                    .containsExactly("ORPHAN_STATE");

            Reply repair = client.post("/api/v1/maintenance/repair", ADMIN, Map.of("agent_id", "pg_state"));
            assertThat(repair.status()).as(repair.raw()).isEqualTo(200);
            JsonNode actions = repair.body().get("actions");
            assertThat(actions.size()).as(repair.raw()).isEqualTo(1);
            assertThat(actions.get(0).get("action").asString()).isEqualTo("left_for_operator");
            assertThat(actions.get(0).get("problem").asString()).isEqualTo("STATE_CORRUPT");
            assertThat(codes(consistency(client, "?agent_id=pg_state")).get("pg_state"))
                    .containsExactly("STATE_CORRUPT");
        }
    }

    private static String[] args(PostgresTestServer.Database db) {
        List<String> args = new ArrayList<>(db.appArgs());
        args.add("--govflow.security.admin-token=" + ADMIN);
        args.add("--govflow.governance.loop-detection=false");
        return args.toArray(String[]::new);
    }

    private static JsonNode consistency(ApiClient client, String query) {
        Reply reply = client.get("/api/v1/consistency" + query, ADMIN);
        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        return reply.body();
    }

    private static Map<String, Set<String>> codes(JsonNode report) {
        Map<String, Set<String>> out = new TreeMap<>();
        for (JsonNode agent : report.get("agents")) {
            Set<String> codes = new TreeSet<>();
            agent.get("problems").forEach(p -> codes.add(p.get("code").asString()));
            out.put(agent.get("agent_id").asString(), codes);
        }
        return out;
    }
}
