package io.govflow.flow.migration;

import static io.govflow.flow.migration.ReferenceFixtures.idsWith;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.govflow.support.FileStoreOnly;
import io.govflow.flow.auth.ApiKeys;
import io.govflow.store.agent.UpdateLogEntry;
import io.govflow.support.ApiClient;
import io.govflow.support.ApiClient.Reply;
import io.govflow.support.FileTree;
import io.govflow.support.RunningApp;
import io.govflow.support.StoreInvariants;
import io.govflow.support.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The reference's data directories served as they are: listed with their statuses, migrated at start-up (legacy
 * state files moved once, update logs synthesized, every plaintext key hashed wherever it was copied), old keys
 * still authenticate, numbering continues, orphans can be adopted, and a second start changes nothing.
 */
class ReferenceDataServedTest {

    private static final String ADMIN = "migration-admin-token";

    @TempDir
    Path temp;

    @FileStoreOnly
    @Test
    void referenceDataDirectoryIsServedAsItIs() throws Exception {
        Path data = TestFiles.copyFixture("reference-data", temp);
        Map<String, JsonNode> agents = ReferenceFixtures.agents(data);
        List<String> keys = ReferenceFixtures.plaintextKeys(data);
        Map<String, byte[]> legacy = legacyStateFiles(data);
        assertThat(agents).hasSize(34);
        assertThat(keys).hasSize(36);
        assertThat(legacy).hasSize(7);
        // the one agent the reference left with a loop cooldown: its recorded updates are a slow-stuck loop
        String stuck = agents.entrySet().stream().filter(e -> !e.getValue().get("loop_cooldown_until").isNull())
                .map(Map.Entry::getKey).findFirst().orElseThrow();

        try (RunningApp app = RunningApp.start(data, "--govflow.security.admin-token=" + ADMIN)) {
            ApiClient client = app.client();
            assertListedAsInTheReference(client, agents);
            assertLegacyFilesMovedUnchanged(data, legacy);
            assertNoPlaintextKeyAnywhere(data, keys);

            JsonNode report = migrate(client, true);
            assertThat(report.get("actions").size()).isZero();
            assertThat(report.get("totals").get("errors").asLong()).isZero();
            assertThat(idsWith(report, "STATE_MISSING")).isEqualTo(agents.keySet());
            assertThat(idsWith(report, "ORPHAN_STATE")).hasSize(20).doesNotContainAnyElementsOf(agents.keySet());
            assertThat(severities(report)).containsOnly("warning");

            for (Map.Entry<String, JsonNode> agent : agents.entrySet()) {
                String id = agent.getKey();
                Reply reply = client.post("/api/v1/agents/" + id + "/updates",
                        agent.getValue().get("api_key").asString(), Map.of());
                if (id.equals(stuck)) {
                    // recorded: 3 updates within 60 s, the last a pause; the key was accepted
                    assertThat(reply.status()).as(reply.raw()).isEqualTo(429);
                    assertThat(reply.body().get("details").get("pattern").asString()).isEqualTo("slow_stuck");
                    continue;
                }
                assertThat(reply.status()).as("%s: %s", id, reply.raw()).isEqualTo(200);
                assertThat(reply.body().get("metrics").get("updates").asLong()).as(id)
                        .isEqualTo(agent.getValue().get("total_updates").asLong() + 1);
            }
            JsonNode listed = client.get("/api/v1/agents?size=200", ADMIN).body();
            assertThat(listed.get("counts_by_status").get("active").asLong()).isEqualTo(33);
            assertThat(listed.get("counts_by_status").get("waiting_input").asLong()).isEqualTo(1);

            JsonNode after = migrate(client, true);
            assertThat(idsWith(after, "STATE_MISSING")).containsExactly(stuck);
            Set<String> incomplete = agents.entrySet().stream()
                    .filter(e -> e.getValue().get("total_updates").asLong() > 0 && !e.getKey().equals(stuck))
                    .map(Map.Entry::getKey).collect(Collectors.toSet());
            assertThat(idsWith(after, "HISTORY_INCOMPLETE")).isEqualTo(incomplete);

            assertAdoption(app, data);
        }
        new StoreInvariants(data).assertHold();

        Map<String, String> settled = FileTree.fingerprint(data);
        try (RunningApp again = RunningApp.start(data, "--govflow.security.admin-token=" + ADMIN)) {
            assertThat(migrate(again.client(), true).get("actions").size()).isZero();
        }
        assertThat(FileTree.fingerprint(data)).as("a second start changes nothing").isEqualTo(settled);
    }

    @Test
    void generatedReferenceKeysAuthenticateAndNumberingContinues() throws Exception {
        Path data = TestFiles.copyFixture("reference-generated", temp);
        Map<String, JsonNode> agents = ReferenceFixtures.agents(data);
        List<String> keys = ReferenceFixtures.plaintextKeys(data);
        assertThat(keys).hasSize(5);

        try (RunningApp app = RunningApp.start(data, "--govflow.security.admin-token=" + ADMIN)) {
            ApiClient client = app.client();
            assertNoPlaintextKeyAnywhere(data, keys);
            JsonNode report = migrate(client, true);
            assertThat(idsWith(report, "HISTORY_INCOMPLETE")).containsExactly("reference_agent_4_1200");
            assertThat(report.get("agents").get(0).get("problems").get(0).get("message").asString())
                    .isEqualTo("The first 200 updates were not retained.");
            assertThat(report.get("totals").get("warnings").asLong()).isEqualTo(1);

            for (Map.Entry<String, JsonNode> agent : agents.entrySet()) {
                Reply reply = client.post("/api/v1/agents/" + agent.getKey() + "/updates",
                        agent.getValue().get("api_key").asString(), Map.of("confidence", 0.9));
                assertThat(reply.status()).as("%s: %s", agent.getKey(), reply.raw()).isEqualTo(200);
                assertThat(reply.body().get("metrics").get("updates").asLong())
                        .isEqualTo(agent.getValue().get("total_updates").asLong() + 1);
            }
        }
        StoreInvariants store = new StoreInvariants(data);
        store.assertHold();
        List<UpdateLogEntry> log = store.logOf("reference_agent_4_1200");
        assertThat(log).hasSize(1001);
        assertThat(log.get(0).seq()).isEqualTo(201);
        assertThat(log.get(log.size() - 1).seq()).isEqualTo(1201);
        assertThat(store.logOf("reference_agent_3_300").get(0).seq()).isEqualTo(1);
    }

    private static void assertListedAsInTheReference(ApiClient client, Map<String, JsonNode> agents) {
        JsonNode list = client.get("/api/v1/agents?size=200", ADMIN).body();
        assertThat(list.get("total").asLong()).isEqualTo(34);
        Map<String, String> statuses = new HashMap<>();
        list.get("agents").forEach(a -> statuses.put(a.get("agent_id").asString(), a.get("status").asString()));
        agents.forEach((id, record) -> assertThat(statuses.get(id)).as(id)
                .isEqualTo(record.get("status").asString()));
        JsonNode counts = list.get("counts_by_status");
        assertThat(counts.get("active").asLong()).isEqualTo(9);
        assertThat(counts.get("waiting_input").asLong()).isEqualTo(3);
        assertThat(counts.get("archived").asLong()).isEqualTo(22);
    }

    private static void assertLegacyFilesMovedUnchanged(Path data, Map<String, byte[]> legacy) throws Exception {
        assertThat(legacyStateFiles(data)).isEmpty();
        for (Map.Entry<String, byte[]> file : legacy.entrySet()) {
            assertThat(Files.readAllBytes(data.resolve("agents").resolve(file.getKey()))).isEqualTo(file.getValue());
        }
        try (var files = Files.list(data.resolve("agents"))) {
            List<String> names = files.map(p -> p.getFileName().toString()).toList();
            assertThat(names.stream().filter(n -> n.endsWith("_state.json"))).hasSize(20);
            assertThat(names.stream().filter(n -> n.endsWith("_updates.jsonl"))).hasSize(20);
        }
    }

    private static void assertNoPlaintextKeyAnywhere(Path data, List<String> keys) {
        for (String key : keys) {
            assertThat(ReferenceFixtures.filesContaining(data, key)).as("files holding a plaintext key").isEmpty();
        }
        for (Path export : ReferenceFixtures.files(data.resolve("exports"))) {
            String text = ReferenceFixtures.read(export);
            assertThat(text).as(export.toString()).contains("\"api_key\": \"sha256:");
            assertThat(keys.stream().anyMatch(k -> text.contains(ApiKeys.hash(k)))).as(export.toString()).isTrue();
        }
    }

    private static void assertAdoption(RunningApp app, Path data) throws Exception {
        ApiClient client = app.client();
        assertCode(client.post("/api/v1/maintenance/adopt", ADMIN, Map.of("agent_id", "no_such_orphan")), 404,
                "AGENT_NOT_FOUND");
        assertCode(client.post("/api/v1/maintenance/adopt", ADMIN, Map.of("agent_id", "emily_dickinson")), 409,
                "AGENT_EXISTS");
        Reply adopted = client.post("/api/v1/maintenance/adopt", ADMIN, Map.of("agent_id", "root"));
        assertThat(adopted.status()).as(adopted.raw()).isEqualTo(201);
        String key = adopted.body().get("api_key").asString();
        assertThat(adopted.body().get("agent").get("total_updates").asLong()).isEqualTo(2);
        assertThat(adopted.body().get("agent").get("status").asString()).isEqualTo("active");
        JsonNode adoptedRecord = ApiClient.JSON.readTree(Files.readString(data.resolve("agent_metadata.json")))
                .get("root");
        assertThat(adoptedRecord.get("status_seq").asLong()).isEqualTo(2);
        assertCode(client.post("/api/v1/maintenance/adopt", key, Map.of("agent_id", "system")), 403, "FORBIDDEN");

        Reply update = client.post("/api/v1/agents/root/updates", key, Map.of());
        assertThat(update.status()).as(update.raw()).isEqualTo(200);
        assertThat(update.body().get("metrics").get("updates").asLong()).isEqualTo(3);
        app.flushCheckpoints();
        JsonNode state = ApiClient.JSON.readTree(Files.readString(data.resolve("agents/root_state.json")));
        assertThat(state.get("update_count").asLong()).isEqualTo(3);
        assertThat(state.get("regime").asString()).isEqualTo("EXPLORATION");
        assertThat(state.get("regime_history").size()).isEqualTo(2);
        assertThat(state.has("locked_persistence_count")).isTrue();
        JsonNode report = migrate(client, true);
        assertThat(idsWith(report, "ORPHAN_STATE")).hasSize(19).doesNotContain("root");
    }

    private static Map<String, byte[]> legacyStateFiles(Path data) throws Exception {
        Map<String, byte[]> out = new HashMap<>();
        try (var files = Files.list(data)) {
            for (Path file : files.filter(p -> p.getFileName().toString().endsWith("_state.json")).toList()) {
                out.put(file.getFileName().toString(), Files.readAllBytes(file));
            }
        }
        return out;
    }

    private static JsonNode migrate(ApiClient client, boolean dryRun) {
        Reply reply = client.post("/api/v1/maintenance/migrate", ADMIN, Map.of("dry_run", dryRun));
        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        return reply.body();
    }

    private static Set<String> severities(JsonNode report) {
        return report.get("agents").valueStream().flatMap(a -> a.get("problems").valueStream())
                .map(p -> p.get("severity").asString()).collect(Collectors.toSet());
    }

    private static void assertCode(Reply reply, int status, String code) {
        assertThat(reply.status()).as(reply.raw()).isEqualTo(status);
        assertThat(reply.body().get("error_code").asString()).isEqualTo(code);
    }
}
