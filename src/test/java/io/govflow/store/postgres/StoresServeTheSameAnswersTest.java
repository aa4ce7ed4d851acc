package io.govflow.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.govflow.support.ApiClient;
import io.govflow.support.ApiClient.Reply;
import io.govflow.support.PostgresTestServer;
import io.govflow.support.RunningApp;
import io.govflow.support.StoreUnderTest;
import io.govflow.support.TestFiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A reference data directory served by the file store, and the same directory moved into PostgreSQL with
 * {@code migrate-store}, give the same answers: every GET of the README's tour (and the reads an operator makes
 * around it) for every agent, compared body for body. Exports made on the database validate.
 */
class StoresServeTheSameAnswersTest {

    private static final String ADMIN = "same-answers-admin-token";
    /** Fields that name the moment or the request, not the data (modified_at: when the fixture was copied). */
    private static final Set<String> VOLATILE = Set.of("request_id", "generated_at", "checked_at", "server_time",
            "now", "uptime_seconds", "modified_at");

    @TempDir
    Path temp;

    @Test
    void everyGetOfTheTourAnswersTheSameOnBothStores() throws Exception {
        Path fileDir = TestFiles.copyFixtureAs("reference-generated", temp.resolve("file/data"));
        Path dbDir = TestFiles.copyFixtureAs("reference-generated", temp.resolve("db/data"));
        PostgresTestServer.Database db = PostgresTestServer.get().newDatabase("same_answers");
        StoreUnderTest.importInto(db, dbDir);

        List<String> dbArgs = new ArrayList<>(db.appArgs());
        dbArgs.add("--govflow.security.admin-token=" + ADMIN);
        try (RunningApp files = RunningApp.start(fileDir, "--govflow.store.kind=file",
                "--govflow.security.admin-token=" + ADMIN);
                RunningApp rows = RunningApp.start(dbDir, dbArgs.toArray(String[]::new))) {
            ApiClient onFiles = files.client();
            ApiClient onRows = rows.client();
            List<String> agents = new ArrayList<>();
            onFiles.get("/api/v1/agents?size=100", ADMIN).body().get("agents")
                    .forEach(agent -> agents.add(agent.get("agent_id").asString()));
            assertThat(agents).hasSizeGreaterThan(3);

            List<String> paths = new ArrayList<>(List.of("/api/v1/agents?size=100",
                    "/api/v1/agents?status=active&page=0&size=50", "/api/v1/config/thresholds",
                    "/api/v1/consistency", "/api/v1/exports", "/api/v1/discoveries?q=export%20last%20row&limit=5",
                    "/api/v1/fleet/summary", "/api/v1/fleet/anomalies", "/api/v1/fleet/agents?size=100"));
            for (String id : agents) {
                String agent = "/api/v1/agents/" + id;
                paths.addAll(List.of(agent, agent + "/metrics", agent + "/history", agent + "/history?format=csv",
                        agent + "/history.svg?last=50", "/api/v1/exports?agent_id=" + id, agent + "/context",
                        agent + "/context/governance.state", agent + "/context/governance.history",
                        agent + "/context/governance.knowledge", agent + "/context/governance.dialectic"));
            }
            int compared = 0;
            for (String path : paths) {
                Reply fromFiles = onFiles.get(path, ADMIN);
                Reply fromRows = onRows.get(path, ADMIN);
                assertThat(fromRows.status()).as("status of GET %s", path).isEqualTo(fromFiles.status());
                if (fromFiles.json() != null) {
                    assertThat(normalized(fromRows.json())).as("GET %s", path)
                            .isEqualTo(normalized(fromFiles.json()));
                } else {
                    assertThat(withoutGeneratedIds(fromRows.raw())).as("GET %s", path)
                            .isEqualTo(withoutGeneratedIds(fromFiles.raw()));
                }
                compared++;
            }
            assertThat(compared).isEqualTo(paths.size());

            String first = agents.get(0);
            for (Map<String, Object> request : List.<Map<String, Object>>of(Map.of("format", "json"),
                    Map.of("format", "csv"), Map.of("complete_package", true))) {
                Reply export = onRows.post("/api/v1/agents/" + first + "/exports", ADMIN, request);
                assertThat(export.status()).as(export.raw()).isEqualTo(201);
            }
            JsonNode report = onRows.post("/api/v1/exports/validation", ADMIN, Map.of()).body();
            assertThat(report.get("totals").get("errors").asLong()).as(report.toString()).isZero();
        }
        assertThat(Files.exists(dbDir.resolve("exports"))).isTrue();
    }

    /** A chart's clip-path ids carry a number of the drawing process, not of the data. */
    private static String withoutGeneratedIds(String body) {
        return body.replaceAll("_\\d+clip-", "_clip-");
    }

    private static JsonNode normalized(JsonNode node) {
        JsonNode copy = node.deepCopy();
        strip(copy);
        return copy;
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode object) {
            VOLATILE.forEach(object::remove);
            object.values().forEach(StoresServeTheSameAnswersTest::strip);
        } else if (node.isArray()) {
            node.forEach(StoresServeTheSameAnswersTest::strip);
        }
    }
}
