package io.govflow.security;

import static io.govflow.support.Replies.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.govflow.support.ApiClient;
import io.govflow.support.ApiClient.Reply;
import io.govflow.support.BeforeAppStart;
import io.govflow.support.DataDir;
import io.govflow.support.GovflowApp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Export files belong to the agent their document names: another agent can neither replace, squat, list nor read
 * them, and names that look like another agent's automatic names are refused. The admin can do everything, and
 * files written before ownership was checked (a reference-migrated package under a custom name) keep working for
 * their owner.
 */
@GovflowApp(args = { "--govflow.security.admin-token=" + ExportOwnershipTest.ADMIN,
        "--govflow.governance.loop-detection=false" }, fixture = "reference-generated")
class ExportOwnershipTest {

    static final String ADMIN = "export-ownership-admin-token-3b81c7";
    private static final String LEGACY_OWNER = "reference_agent_0_1";
    private static final String LEGACY_FILE = "legacy_backup_complete.json";

    static ApiClient client;
    @DataDir
    static Path dataDir;
    static String victimKey;
    static String attackerKey;
    static String legacyKey;

    @BeforeAppStart
    static void placeALegacyCustomExport(Path data) throws Exception {
        Path exports = data.resolve("exports");
        try (var files = Files.list(exports)) {
            Path own = files.filter(p -> p.getFileName().toString().startsWith(LEGACY_OWNER + "_complete_package"))
                    .findFirst().orElseThrow();
            Files.copy(own, exports.resolve(LEGACY_FILE));
        }
    }

    @BeforeAll
    static void agents() {
        victimKey = client.register("export_victim");
        attackerKey = client.register("export_attacker");
        legacyKey = client.post("/api/v1/agents/" + LEGACY_OWNER + "/api-key/rotate", ADMIN, null).body()
                .get("api_key").asString();
    }

    @Test
    void anotherAgentCannotReplaceACustomExport() throws Exception {
        Reply own = export("export_victim", victimKey, Map.of("filename", "victim_notes"));
        assertThat(own.status()).isEqualTo(201);
        Path file = dataDir.resolve(own.body().get("file_path").asString());
        String before = Files.readString(file);

        Reply replace = export("export_attacker", attackerKey, Map.of("filename", "victim_notes", "overwrite", true));

        assertError(replace, 409, "EXPORT_EXISTS");
        assertThat(Files.readString(file)).isEqualTo(before);
        assertThat(export("export_victim", victimKey, Map.of("filename", "victim_notes", "overwrite", true))
                .status()).isEqualTo(201);
    }

    @Test
    void namesLookingLikeAnotherAgentsAutomaticNamesAreRefused() {
        for (String stem : List.of("export_victim_significant_20991231_235959",
                "export_victim_history_20991231_235959_2")) {
            assertError(export("export_attacker", attackerKey, Map.of("filename", stem)), 400, "INVALID_FILENAME");
        }
        assertError(export("export_attacker", attackerKey,
                Map.of("filename", "export_victim_complete_package_20991231_235959", "complete_package", true)), 400,
                "INVALID_FILENAME");
        assertThat(export("export_attacker", attackerKey,
                Map.of("filename", "export_attacker_history_20991231_235959")).status()).isEqualTo(201);
    }

    @Test
    void anotherAgentCannotListOrReadExports() {
        Reply own = export("export_victim", victimKey, Map.of("filename", "victim_private"));
        String name = own.body().get("filename").asString();

        assertError(client.get("/api/v1/exports/history/" + name, attackerKey), 404, "EXPORT_NOT_FOUND");
        assertThat(names(client.get("/api/v1/exports", attackerKey))).doesNotContain(name)
                .allSatisfy(listed -> assertThat(listed).doesNotStartWith("reference_agent"));
        assertThat(names(client.get("/api/v1/exports?agent_id=export_victim", attackerKey))).isEmpty();
        Reply validation = client.post("/api/v1/exports/validation", attackerKey, Map.of("filename", name));
        assertError(validation, 404, "EXPORT_NOT_FOUND");
        assertThat(client.post("/api/v1/exports/validation", attackerKey, null).raw()).doesNotContain(name);

        assertThat(client.get("/api/v1/exports/history/" + name, victimKey).status()).isEqualTo(200);
        assertThat(names(client.get("/api/v1/exports", victimKey))).contains(name);
    }

    @Test
    void theAdminSeesAndReplacesEverything() {
        Reply own = export("export_victim", victimKey, Map.of("filename", "victim_audited"));
        String name = own.body().get("filename").asString();

        assertThat(client.get("/api/v1/exports/history/" + name, ADMIN).status()).isEqualTo(200);
        assertThat(names(client.get("/api/v1/exports", ADMIN))).contains(name, LEGACY_FILE);
        assertThat(export("export_victim", ADMIN, Map.of("filename", "victim_audited", "overwrite", true)).status())
                .isEqualTo(201);
    }

    @Test
    void existingFilesKeepWorkingForTheirOwner() {
        assertThat(client.get("/api/v1/exports/package/" + LEGACY_FILE, legacyKey).status()).isEqualTo(200);
        assertThat(names(client.get("/api/v1/exports", legacyKey))).contains(LEGACY_FILE)
                .anySatisfy(listed -> assertThat(listed).startsWith(LEGACY_OWNER + "_complete_package_"));
        assertError(client.get("/api/v1/exports/package/" + LEGACY_FILE, attackerKey), 404, "EXPORT_NOT_FOUND");
        assertError(client.post("/api/v1/agents/export_attacker/exports", attackerKey,
                Map.of("filename", "legacy_backup", "complete_package", true, "overwrite", true)), 409,
                "EXPORT_EXISTS");
    }

    private static Reply export(String agent, String key, Map<String, Object> body) {
        return client.post("/api/v1/agents/" + agent + "/exports", key, body);
    }

    private static List<String> names(Reply listing) {
        assertThat(listing.status()).as(listing.raw()).isEqualTo(200);
        return listing.body().get("exports").valueStream().map(entry -> entry.get("filename").asString()).toList();
    }
}
