package io.govflow.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.govflow.cli.CommandLineTools;
import io.govflow.store.io.StoreJson;
import io.govflow.support.ApiClient;
import io.govflow.support.PostgresTestServer;
import io.govflow.support.RunningApp;
import io.govflow.support.TestFiles;
import tools.jackson.databind.JsonNode;

/**
 * {@code migrate-store} then {@code export-store}: a data directory moved into PostgreSQL and written back out is the
 * same directory — metadata, state files and context documents JSON-equal, update logs identical line by line —
 * and the consistency check is clean on the copy.
 */
class StoreRoundTripTest {

    private static final String ADMIN = "round-trip-admin-token";

    @TempDir
    Path temp;

    @Test
    void aDirectoryMovedIntoTheDatabaseAndBackIsTheSameDirectory() throws Exception {
        Path source = TestFiles.copyFixtureAs("reference-generated", temp.resolve("source"));
        PostgresTestServer.Database db = PostgresTestServer.get().newDatabase("round_trip");
        // the source in Govflow's layout first: the file-store service migrates it at start-up, and writes context
        try (RunningApp app = RunningApp.start(source, "--govflow.store.kind=file",
                "--govflow.security.admin-token=" + ADMIN)) {
            ApiClient client = app.client();
            String key = client.register("round_trip_agent");
            client.post("/api/v1/agents/round_trip_agent/updates", key, java.util.Map.of("complexity", 0.3));
            var put = client.send("PUT", "/api/v1/agents/round_trip_agent/context/project.plan", key,
                    "{\"src\": \"planner\", \"d\": {\"steps\": [\"a\", \"b\"], \"odd\": 1.0E20, "
                            + "\"nul\": \"x\\u0000y\"}}", java.util.Map.of());
            assertThat(put.status()).as(put.raw()).isIn(200, 201);
            app.flushCheckpoints();
        }
        Path copy = temp.resolve("copy");
        assertThat(run("migrate-store", "--from-data-dir", source.toString(), db)).contains("\"errors\" : [ ]");
        assertThat(run("export-store", "--to-data-dir", copy.toString(), db)).contains("\"log_lines\"");

        List<String> files = relevantFiles(source);
        assertThat(files).contains("agent_metadata.json", "agents/round_trip_agent_updates.jsonl",
                "workspace/workspace_round_trip_agent/agent_context/project.plan.json");
        assertThat(relevantFiles(copy)).containsExactlyElementsOf(files);
        StoreJson json = new StoreJson();
        for (String file : files) {
            byte[] before = Files.readAllBytes(source.resolve(file));
            byte[] after = Files.readAllBytes(copy.resolve(file));
            if (file.endsWith(".jsonl") || file.contains("agent_context/")) {
                assertThat(new String(after, StandardCharsets.UTF_8)).as(file)
                        .isEqualTo(new String(before, StandardCharsets.UTF_8));
            } else {
                JsonNode expected = json.parse(before);
                assertThat(json.parse(after)).as(file).isEqualTo(expected);
            }
        }
        try (RunningApp app = RunningApp.start(copy, "--govflow.store.kind=file",
                "--govflow.security.admin-token=" + ADMIN)) {
            JsonNode report = app.client().get("/api/v1/consistency", ADMIN).body();
            assertThat(report.get("totals").get("errors").asLong()).as(report.toString()).isZero();
        }
    }

    private static String run(String command, String option, String dir, PostgresTestServer.Database db) {
        List<String> args = new ArrayList<>(List.of(command, option, dir));
        db.appArgs().stream().filter(arg -> !arg.startsWith("--govflow.store.kind=")).forEach(args::add);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = CommandLineTools.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String report = out.toString(StandardCharsets.UTF_8);
        assertThat(status).as("%s: %s %s", command, report, err.toString(StandardCharsets.UTF_8)).isZero();
        return report;
    }

    /** The store's documents: metadata, logs, state files and context documents (not exports, locks or backups). */
    private static List<String> relevantFiles(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            return new ArrayList<>(paths.filter(Files::isRegularFile).map(path -> root.relativize(path).toString())
                    .filter(name -> name.equals("agent_metadata.json")
                            || name.startsWith("agents/") && (name.endsWith("_updates.jsonl")
                                    || name.endsWith("_state.json"))
                            || name.startsWith("workspace/") && name.endsWith(".json") && !name.contains("/."))
                    .collect(java.util.stream.Collectors.toCollection(TreeSet::new)));
        }
    }
}
