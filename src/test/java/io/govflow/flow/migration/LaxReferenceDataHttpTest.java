package io.govflow.flow.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.govflow.support.ApiClient;
import io.govflow.support.ApiClient.Reply;
import io.govflow.support.RunningApp;
import io.govflow.support.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The lax-data corpus ({@link LaxCorpus}) served end to end: every field the reference never type-checked holds
 * each alternative JSON type; every read answers 200 and changes no file, consistency and migration report the
 * fields as warnings only, exports validate, context documents derive, sessions continue to their resolution,
 * and rewrites keep each value as stored.
 */
class LaxReferenceDataHttpTest {

    private static final String ADMIN = "lax-corpus-admin-token";

    @TempDir
    Path temp;

    @Test
    void everyLaxValueIsServedReportedAndKeptAsStored() throws Exception {
        Path data = TestFiles.copyFixture("reference-generated", temp);
        List<String> agents = LaxCorpus.laxMetadata(data);
        Map<String, JsonNode> records = ReferenceFixtures.agents(data);
        List<String> sessions = LaxCorpus.laxSessions(data, agents.get(0), agents.get(1));
        List<String> discoveries = LaxCorpus.laxGraph(data, agents.get(2));
        assertThat(agents).hasSize(LaxCorpus.VARIANTS);

        try (RunningApp app = RunningApp.start(data, "--govflow.security.admin-token=" + ADMIN,
                "--govflow.governance.loop-detection=false")) {
            ApiClient client = app.client();
            Map<String, byte[]> before = referenceFiles(data);

            readEverything(client, agents, records, sessions, discoveries);
            assertThat(referenceFiles(data)).as("reads rewrite nothing").containsExactlyInAnyOrderEntriesOf(before);

            JsonNode consistency = ok(client.get("/api/v1/consistency", ADMIN));
            assertThat(consistency.get("totals").get("errors").asLong()).as(consistency.toString()).isZero();
            assertEveryFieldReported(consistency);
            JsonNode migration = ok(client.post("/api/v1/maintenance/migrate", ADMIN, Map.of("dry_run", true)));
            assertThat(migration.get("totals").get("errors").asLong()).as(migration.toString()).isZero();
            assertEveryFieldReported(migration);

            for (String id : agents) {
                Reply export = client.post("/api/v1/agents/" + id + "/exports", ADMIN,
                        Map.of("complete_package", true));
                assertThat(export.status()).as(export.raw()).isEqualTo(201);
            }
            JsonNode validation = ok(client.post("/api/v1/exports/validation", ADMIN, Map.of()));
            assertThat(validation.get("totals").get("errors").asLong()).as(validation.toString()).isZero();

            Reply update = client.post("/api/v1/agents/" + agents.get(3) + "/updates",
                    records.get(agents.get(3)).get("api_key").asString(), Map.of("confidence", 0.9));
            assertThat(update.status()).as(update.raw()).isEqualTo(200);
            app.flushCheckpoints();
            assertMetadataKeptAsStored(data, agents);

            String keyA = records.get(agents.get(0)).get("api_key").asString();
            String keyB = records.get(agents.get(1)).get("api_key").asString();
            for (int i = 0; i < sessions.size(); i++) {
                resolve(client, sessions.get(i), keyA, keyB);
                assertSessionKeptAsStored(data, sessions.get(i), i);
            }
        }
    }

    private static void readEverything(ApiClient client, List<String> agents, Map<String, JsonNode> records,
            List<String> sessions, List<String> discoveries) {
        JsonNode listed = ok(client.get("/api/v1/agents?size=100", ADMIN));
        assertThat(listed.get("total").asLong()).isEqualTo(agents.size());
        for (int i = 0; i < agents.size(); i++) {
            String key = records.get(agents.get(i)).get("api_key").asString();
            JsonNode agent = ok(client.get("/api/v1/agents/" + agents.get(i), key)).get("agent");
            assertThat(agent.get("tags").isArray()).isTrue();
            assertThat(agent.get("notes").isString()).isTrue();
            ok(client.get("/api/v1/agents/" + agents.get(i) + "/dialectic-sessions", key));
            ok(client.get("/api/v1/agents/" + agents.get(i) + "/discoveries", key));
            ok(client.get("/api/v1/agents/" + agents.get(i) + "/context/governance.state?view=full", key));
        }
        JsonNode first = ok(client.get("/api/v1/agents/" + agents.get(0), ADMIN)).get("agent");
        assertThat(first.get("tags").valueStream().map(JsonNode::asString)).containsExactly("solo");
        assertThat(first.get("notes").asString()).isEqualTo("42");
        for (String sid : sessions) {
            JsonNode view = ok(client.get("/api/v1/dialectic/sessions/" + sid, ADMIN));
            assertThat(view.get("signatures").valueStream().map(s -> s.get("status").asString()))
                    .containsOnly("unverifiable");
            assertThat(view.get("warnings").valueStream().map(w -> w.get("code").asString()))
                    .containsExactly("SIGNATURE_UNVERIFIABLE");
        }
        assertThat(ok(client.get("/api/v1/discoveries?limit=100", ADMIN)).toString()).contains(discoveries.get(0));
        for (String id : discoveries) {
            ok(client.get("/api/v1/discoveries/" + id, ADMIN));
            ok(client.get("/api/v1/discoveries/" + id + "/similar", ADMIN));
        }
        ok(client.get("/api/v1/discoveries/stats", ADMIN));
    }

    /** One LEGACY_FIELD_TYPE warning names each listed field (in some agent, session or node). */
    private static void assertEveryFieldReported(JsonNode report) {
        List<String> messages = new ArrayList<>();
        report.get("agents").forEach(a -> a.get("problems").forEach(p -> collect(p, messages)));
        report.get("files").forEach(f -> f.get("problems").forEach(p -> collect(p, messages)));
        Set<String> missing = new HashSet<>();
        for (LaxCorpus.LaxField field : LaxCorpus.FIELDS) {
            String leaf = field.field().substring(field.field().lastIndexOf('.') + 1);
            String parent = field.field().contains("[]") ? field.field().substring(0, field.field().indexOf('[') + 1)
                    : field.field().startsWith("nodes{}.") ? "'nodes['" : "'" + leaf + "'";
            String file = field.file().substring(0, 8);
            boolean reported = messages.stream().anyMatch(m -> m.contains("In " + file) && m.contains(parent)
                    && (m.contains("'" + leaf + "'") || m.contains("." + leaf + "'")));
            if (!reported) {
                missing.add(field.file() + " " + field.field());
            }
        }
        assertThat(missing).as("fields without a LEGACY_FIELD_TYPE warning").isEmpty();
    }

    private static void collect(JsonNode problem, List<String> messages) {
        if (problem.get("code").asString().equals("LEGACY_FIELD_TYPE")) {
            assertThat(problem.get("severity").asString()).isEqualTo("warning");
            messages.add(problem.get("message").asString());
        }
    }

    private static void assertMetadataKeptAsStored(Path data, List<String> agents) throws Exception {
        JsonNode root = ApiClient.JSON.readTree(Files.readString(data.resolve(LaxCorpus.METADATA)));
        for (int i = 0; i < agents.size(); i++) {
            JsonNode record = root.get(agents.get(i));
            for (String field : List.of("tags", "notes", "parent_agent_id", "spawn_reason")) {
                assertThat(record.get(field)).as("%s %s", agents.get(i), field)
                        .isEqualTo(LaxCorpus.value(LaxCorpus.METADATA, field, i));
            }
            JsonNode event = record.get("lifecycle_events").get(0);
            assertThat(event.get("reason")).isEqualTo(LaxCorpus.value(LaxCorpus.METADATA,
                    "lifecycle_events[].reason", i));
            assertThat(event.get("conditions")).isEqualTo(LaxCorpus.value(LaxCorpus.METADATA,
                    "lifecycle_events[].conditions", i));
        }
    }

    private static void resolve(ApiClient client, String sid, String keyA, String keyB) {
        List<String> conditions = List.of("Verify tool output before acting", "Keep complexity below 0.5");
        Map<String, Object> agree = Map.of("agrees", true, "proposed_conditions", conditions,
                "root_cause", "Stale tool output and rushed work", "reasoning", "Agreed");
        ok(client.post("/api/v1/dialectic/sessions/" + sid + "/synthesis", keyA, agree));
        JsonNode resolved = ok(client.post("/api/v1/dialectic/sessions/" + sid + "/synthesis", keyB, agree));
        assertThat(resolved.get("phase").asString()).as(sid).isEqualTo("resolved");
        assertThat(resolved.get("resolution").get("action").asString()).isEqualTo("resume");
    }

    /** Fields Govflow did not change hold the stored values after its rewrites of the session. */
    private static void assertSessionKeptAsStored(Path data, String sid, int variant) throws Exception {
        JsonNode s = ApiClient.JSON.readTree(Files.readString(data.resolve("dialectic_sessions/" + sid + ".json")));
        for (String field : List.of("reason", "discovery_id", "dispute_type")) {
            assertThat(s.get(field)).as("%s %s", sid, field).isEqualTo(LaxCorpus.value(LaxCorpus.SESSION, field,
                    variant));
        }
        JsonNode thesis = s.get("transcript").get(0);
        for (String field : List.of("root_cause", "reasoning", "proposed_conditions", "concerns", "agrees")) {
            assertThat(thesis.get(field)).as("%s %s", sid, field).isEqualTo(LaxCorpus.value(LaxCorpus.SESSION,
                    "transcript[]." + field, variant));
        }
        assertThat(s.get("transcript").size()).isEqualTo(4);
    }

    private static Map<String, byte[]> referenceFiles(Path data) throws Exception {
        Map<String, byte[]> files = new java.util.TreeMap<>();
        files.put(LaxCorpus.METADATA, Files.readAllBytes(data.resolve(LaxCorpus.METADATA)));
        files.put(LaxCorpus.GRAPH, Files.readAllBytes(data.resolve(LaxCorpus.GRAPH)));
        try (var list = Files.list(data.resolve("dialectic_sessions"))) {
            for (Path p : list.toList()) {
                files.put(p.getFileName().toString(), Files.readAllBytes(p));
            }
        }
        return files;
    }

    private static JsonNode ok(Reply reply) {
        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        return reply.body();
    }
}
