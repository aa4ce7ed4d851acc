package io.govflow.flow.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.govflow.support.ApiClient;
import io.govflow.support.ApiClient.Reply;
import io.govflow.support.RunningApp;
import io.govflow.support.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Damage is contained to the record that is damaged; a key that is not a usable key authenticates nobody; the
 * seed's {@code created} is read as {@code created_at}; a damaged file is still damage.
 */
class DamagedRecordHttpTest {

    private static final String ADMIN = "damaged-record-admin-token";

    @TempDir
    Path temp;

    @Test
    void oneDamagedRecordMakesOnlyItsAgentUnavailable() throws Exception {
        Path data = TestFiles.copyFixture("reference-generated", temp);
        Map<String, JsonNode> agents = ReferenceFixtures.agents(data);
        List<String> ids = List.copyOf(agents.keySet());
        String damaged = ids.get(0);
        String numberKey = ids.get(1);
        String badHash = ids.get(2);
        String seedCreated = ids.get(3);
        String healthy = ids.get(4);
        ObjectNode root = (ObjectNode) ApiClient.JSON.readTree(Files.readString(data.resolve("agent_metadata.json")));
        ((ObjectNode) root.get(damaged)).put("total_updates", "many");
        ((ObjectNode) root.get(numberKey)).put("api_key", 12345);
        ((ObjectNode) root.get(badHash)).put("api_key", "sha256:" + "z".repeat(64));
        ObjectNode seed = (ObjectNode) root.get(seedCreated);
        String created = seed.remove("created_at").asString();
        seed.put("created", created);
        JsonNode damagedRecord = root.get(damaged).deepCopy();
        Files.writeString(data.resolve("agent_metadata.json"),
                ApiClient.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));

        try (RunningApp app = RunningApp.start(data, "--govflow.security.admin-token=" + ADMIN)) {
            ApiClient client = app.client();
            JsonNode listed = ok(client.get("/api/v1/agents?size=100", ADMIN));
            assertThat(listed.get("agents").valueStream().map(a -> a.get("agent_id").asString()))
                    .containsExactlyInAnyOrder(numberKey, badHash, seedCreated, healthy);
            Reply unavailable = client.get("/api/v1/agents/" + damaged, ADMIN);
            assertThat(unavailable.status()).as(unavailable.raw()).isEqualTo(503);
            assertThat(unavailable.body().get("error_code").asString()).isEqualTo("METADATA_CORRUPT");
            assertThat(unavailable.body().get("details").get("agent_id").asString()).isEqualTo(damaged);

            String key = agents.get(healthy).get("api_key").asString();
            assertThat(client.post("/api/v1/agents/" + healthy + "/updates", key, Map.of()).status()).isEqualTo(200);
            for (String presented : List.of("12345", agents.get(numberKey).get("api_key").asString())) {
                assertCode(client.post("/api/v1/agents/" + numberKey + "/updates", presented, Map.of()), 401,
                        "AUTHENTICATION_FAILED");
            }
            for (String presented : List.of("sha256:" + "z".repeat(64), agents.get(badHash).get("api_key").asString())) {
                assertCode(client.post("/api/v1/agents/" + badHash + "/updates", presented, Map.of()), 401,
                        "AUTHENTICATION_FAILED");
            }
            JsonNode seedAgent = ok(client.get("/api/v1/agents/" + seedCreated, ADMIN)).get("agent");
            assertThat(seedAgent.get("created_at").asString()).isEqualTo(created);
            String seedKey = agents.get(seedCreated).get("api_key").asString();
            assertThat(client.post("/api/v1/agents/" + seedCreated + "/updates", seedKey, Map.of()).status())
                    .isEqualTo(200);
            app.flushCheckpoints();

            JsonNode onDisk = ApiClient.JSON.readTree(Files.readString(data.resolve("agent_metadata.json")));
            assertThat(onDisk.get(damaged)).as("the damaged record is written back as stored").isEqualTo(damagedRecord);
            assertThat(onDisk.get(numberKey).get("api_key").asLong()).isEqualTo(12345);
            assertThat(onDisk.get(seedCreated).has("created_at")).isFalse();
            assertThat(onDisk.get(seedCreated).get("created").asString()).isEqualTo(created);

            JsonNode report = ok(client.get("/api/v1/consistency", ADMIN));
            assertThat(codesOf(report, damaged)).contains("METADATA_RECORD_CORRUPT")
                    .doesNotContain("ORPHAN_STATE", "ORPHAN_LOG");
            assertThat(codesOf(report, numberKey)).contains("NO_API_KEY");
            assertThat(codesOf(report, badHash)).contains("NO_API_KEY");
            JsonNode repair = ok(client.post("/api/v1/maintenance/repair", ADMIN, Map.of("dry_run", false)));
            assertThat(codesOf(repair.get("consistency"), damaged)).contains("METADATA_RECORD_CORRUPT");
            assertThat(ApiClient.JSON.readTree(Files.readString(data.resolve("agent_metadata.json"))).get(damaged))
                    .isEqualTo(damagedRecord);

            byte[] whole = Files.readAllBytes(data.resolve("agent_metadata.json"));
            Files.write(data.resolve("agent_metadata.json"), java.util.Arrays.copyOf(whole, whole.length / 2));
            assertCode(client.get("/api/v1/agents?size=100", ADMIN), 503, "METADATA_CORRUPT");
            assertCode(client.get("/api/v1/agents/" + healthy, ADMIN), 503, "METADATA_CORRUPT");
        }
    }

    private static List<String> codesOf(JsonNode report, String agentId) {
        return report.get("agents").valueStream().filter(a -> a.get("agent_id").asString().equals(agentId))
                .flatMap(a -> a.get("problems").valueStream()).map(p -> p.get("code").asString()).toList();
    }

    private static void assertCode(Reply reply, int status, String code) {
        assertThat(reply.status()).as(reply.raw()).isEqualTo(status);
        assertThat(reply.body().get("error_code").asString()).isEqualTo(code);
    }

    private static JsonNode ok(Reply reply) {
        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        return reply.body();
    }
}
