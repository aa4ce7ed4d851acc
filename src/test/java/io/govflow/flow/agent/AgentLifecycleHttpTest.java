package io.govflow.flow.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.govflow.support.FileStoreOnly;
import io.govflow.support.ApiClient;
import io.govflow.support.ApiClient.Reply;
import io.govflow.support.DataDir;
import io.govflow.support.GovflowApp;
import io.govflow.support.StoreInvariants;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every lifecycle transition and refusal over HTTP: listing, edits with ETag/If-Match, archive → update → resumed,
 * response complete, pause by decision (enforce-pause on), unsafe resume, resume with conditions, soft delete with
 * backup, the protected tag, key rotation, and the credential rules (another agent's key never works).
 */
@GovflowApp(args = {"--govflow.security.admin-token=" + AgentLifecycleHttpTest.ADMIN,
        "--govflow.governance.enforce-pause=true", "--govflow.governance.loop-detection=false"})
class AgentLifecycleHttpTest {

    static final String ADMIN = "lifecycle-admin-token";

    @DataDir
    static Path dataDir;

    static ApiClient client;

    @Test
    void listingIsPagedNewestFirstWithFiltersAndCounts() {
        Map<String, String> keys = new LinkedHashMap<>();
        for (String id : List.of("list_a", "list_b", "list_c", "list_d", "list_e")) {
            keys.put(id, register(id, List.of("listing")));
        }
        for (String id : List.of("list_a", "list_d", "list_b")) {
            assertThat(update(id, keys.get(id)).status()).isEqualTo(200);
        }
        assertThat(client.post("/api/v1/agents/list_e/archive", keys.get("list_e"), Map.of()).status())
                .isEqualTo(200);

        JsonNode page0 = client.get("/api/v1/agents?tag=listing&size=2", keys.get("list_a")).body();
        assertThat(page0.get("total").asLong()).isEqualTo(5);
        assertThat(page0.get("page").asInt()).isZero();
        assertThat(page0.get("size").asInt()).isEqualTo(2);
        // archiving is not an update: list_e keeps its registration time as last_update
        assertThat(ids(page0)).containsExactly("list_b", "list_d");
        JsonNode page1 = client.get("/api/v1/agents?tag=listing&size=2&page=1", ADMIN).body();
        assertThat(ids(page1)).containsExactly("list_a", "list_e");
        assertThat(ids(client.get("/api/v1/agents?tag=listing&size=2&page=2", ADMIN).body()))
                .containsExactly("list_c");
        assertThat(ids(client.get("/api/v1/agents?tag=listing&size=2&page=9", ADMIN).body())).isEmpty();
        JsonNode counts = page0.get("counts_by_status");
        assertThat(counts.get("active").asLong()).isEqualTo(4);
        assertThat(counts.get("archived").asLong()).isEqualTo(1);
        assertThat(counts.get("deleted").asLong()).isZero();
        assertThat(page1.get("agents").get(1).get("status").asString()).isEqualTo("archived");
        assertThat(page0.get("agents").get(0).get("total_updates").asLong()).isEqualTo(1);
        assertThat(page0.get("agents").get(0).get("tags").get(0).asString()).isEqualTo("listing");
        assertThat(page0.get("agents").get(0).has("api_key")).isFalse();

        JsonNode archived = client.get("/api/v1/agents?tag=listing&status=archived", ADMIN).body();
        assertThat(ids(archived)).containsExactly("list_e");
        assertThat(archived.get("counts_by_status").get("active").asLong()).isEqualTo(4);

        assertCode(client.get("/api/v1/agents?status=sleeping", ADMIN), 400, "VALIDATION_FAILED");
        assertCode(client.get("/api/v1/agents?size=0", ADMIN), 400, "VALIDATION_FAILED");
        assertCode(client.get("/api/v1/agents?size=201", ADMIN), 400, "VALIDATION_FAILED");
        assertCode(client.get("/api/v1/agents?page=-1", ADMIN), 400, "VALIDATION_FAILED");
        assertCode(client.get("/api/v1/agents", null), 401, "AUTHENTICATION_REQUIRED");
        assertCode(client.get("/api/v1/agents", "gvf_unknown"), 401, "AUTHENTICATION_FAILED");
    }

    @Test
    void editsMergeFieldsAndIfMatchGuardsThem() {
        String key = register("patch_agent", List.of("one"));
        Reply read = client.get("/api/v1/agents/patch_agent", key);
        String etag = read.headers().firstValue("ETag").orElseThrow();

        Reply tagged = patch("patch_agent", key, Map.of("tags", List.of("two", "three")), etag);
        assertThat(tagged.status()).as(tagged.raw()).isEqualTo(200);
        String newEtag = tagged.headers().firstValue("ETag").orElseThrow();
        assertThat(newEtag).isNotEqualTo(etag);
        assertThat(tagged.body().get("agent").get("tags").toString()).isEqualTo("[\"two\",\"three\"]");

        Reply stale = patch("patch_agent", key, Map.of("notes", "late"), etag);
        assertCode(stale, 412, "PRECONDITION_FAILED");

        assertThat(update("patch_agent", key).status()).isEqualTo(200);
        assertThat(client.get("/api/v1/agents/patch_agent", key).headers().firstValue("ETag")).hasValue(newEtag);

        Reply noted = patch("patch_agent", key, Map.of("notes", "first line"), "W/" + newEtag);
        assertThat(noted.status()).isEqualTo(200);
        Reply appended = patch("patch_agent", key, Map.of("append_notes", "second line"), "*");
        String notes = appended.body().get("agent").get("notes").asString();
        assertThat(notes).startsWith("first line\n[").endsWith("] second line");
        assertThat(appended.body().get("agent").get("tags").size()).isEqualTo(2);

        assertCode(patch("patch_agent", key, Map.of("tags", List.of("bad tag")), null), 400, "VALIDATION_FAILED");
        assertCode(patch("patch_agent", key, Map.of("owner", "x"), null), 400, "VALIDATION_FAILED");
        assertCode(patch("ghost_agent", ADMIN, Map.of("notes", "x"), null), 404, "AGENT_NOT_FOUND");
    }

    @Test
    void archiveThenUpdateResumes() {
        String key = register("archive_agent", List.of());
        Reply archived = client.post("/api/v1/agents/archive_agent/archive", key, Map.of("reason", "done for now"));
        assertThat(archived.status()).as(archived.raw()).isEqualTo(200);
        JsonNode agent = archived.body().get("agent");
        assertThat(agent.get("status").asString()).isEqualTo("archived");
        assertThat(agent.get("archived_at").isNull()).isFalse();
        assertThat(lastEvent(agent).get("event").asString()).isEqualTo("archived");
        assertThat(lastEvent(agent).get("reason").asString()).isEqualTo("done for now");
        int events = agent.get("lifecycle_events").size();

        JsonNode again = client.post("/api/v1/agents/archive_agent/archive", key, null).body().get("agent");
        assertThat(again.get("lifecycle_events").size()).isEqualTo(events);

        assertThat(update("archive_agent", key).status()).isEqualTo(200);
        JsonNode resumed = client.get("/api/v1/agents/archive_agent", key).body().get("agent");
        assertThat(resumed.get("status").asString()).isEqualTo("active");
        assertThat(resumed.get("archived_at").isNull()).isTrue();
        assertThat(lastEvent(resumed).get("event").asString()).isEqualTo("resumed");
    }

    @Test
    void responseCompleteWaitsForInputUntilTheNextUpdate() {
        String key = register("waiting_agent", List.of());
        Reply done = client.post("/api/v1/agents/waiting_agent/response-complete", key,
                Map.of("summary", "answered the question"));
        assertThat(done.status()).as(done.raw()).isEqualTo(200);
        JsonNode agent = done.body().get("agent");
        assertThat(agent.get("status").asString()).isEqualTo("waiting_input");
        assertThat(agent.get("response_completed").asBoolean()).isTrue();
        assertThat(agent.get("last_response_at").isNull()).isFalse();
        assertThat(lastEvent(agent).get("event").asString()).isEqualTo("response_completed");
        assertThat(lastEvent(agent).get("reason").asString()).isEqualTo("answered the question");

        assertThat(update("waiting_agent", key).status()).isEqualTo(200);
        JsonNode after = client.get("/api/v1/agents/waiting_agent", key).body().get("agent");
        assertThat(after.get("status").asString()).isEqualTo("active");
        assertThat(after.get("response_completed").asBoolean()).isFalse();
        assertThat(lastEvent(after).get("event").asString()).isEqualTo("resumed");
    }

    @FileStoreOnly
    @Test
    void pauseDecisionPausesThenUnsafeResumeIsRefusedAndSafeResumeRecordsConditions() throws Exception {
        String key = register("pause_agent", List.of());
        try {
            setThresholds(0.005, 0.01);
            Reply paused = update("pause_agent", key);
            assertThat(paused.body().get("decision").get("action").asString()).isEqualTo("pause");
            JsonNode agent = client.get("/api/v1/agents/pause_agent", key).body().get("agent");
            assertThat(agent.get("status").asString()).isEqualTo("paused");
            assertThat(agent.get("paused_at").isNull()).isFalse();
            assertThat(lastEvent(agent).get("event").asString()).isEqualTo("paused");
            assertThat(Files.readString(dataDir.resolve("agents/pause_agent_updates.jsonl")))
                    .contains("\"agent_status\":\"paused\",\"thresholds\":{");

            assertCode(update("pause_agent", key), 409, "AGENT_PAUSED");
            assertCode(client.post("/api/v1/agents/pause_agent/response-complete", key, Map.of()), 409,
                    "AGENT_PAUSED");
            assertCode(client.post("/api/v1/agents/pause_agent/archive", key, Map.of()), 409, "AGENT_PAUSED");
            Reply unsafe = client.post("/api/v1/agents/pause_agent/resume", key, Map.of());
            assertCode(unsafe, 422, "UNSAFE_RESUME");
            assertThat(unsafe.body().get("details").get("mean_attention_required_below").asDouble()).isEqualTo(0.01);
        } finally {
            setThresholds(0.35, 0.60);
        }
        Reply resumed = client.post("/api/v1/agents/pause_agent/resume", key,
                Map.of("reason", "reviewed", "conditions", List.of("keep complexity below 0.5")));
        assertThat(resumed.status()).as(resumed.raw()).isEqualTo(200);
        JsonNode agent = resumed.body().get("agent");
        assertThat(agent.get("status").asString()).isEqualTo("active");
        assertThat(lastEvent(agent).get("event").asString()).isEqualTo("resumed");
        assertThat(lastEvent(agent).get("conditions").get(0).asString()).isEqualTo("keep complexity below 0.5");
        assertThat(update("pause_agent", key).status()).isEqualTo(200);
    }

    @Test
    void softDeleteWritesABackupWithoutTheKeyAndRefusesEveryChange() throws Exception {
        String key = register("delete_agent", List.of("doomed"));
        assertThat(update("delete_agent", key).status()).isEqualTo(200);
        Reply deleted = client.send("DELETE", "/api/v1/agents/delete_agent", key, null, Map.of());
        assertThat(deleted.status()).as(deleted.raw()).isEqualTo(200);
        assertThat(deleted.body().get("status").asString()).isEqualTo("deleted");
        String backupFile = deleted.body().get("backup_file").asString();
        assertThat(backupFile).matches("backups/delete_agent_backup_\\d{8}_\\d{6}\\.json");
        String backup = Files.readString(dataDir.resolve(backupFile));
        assertThat(backup).contains("\"agent_id\": \"delete_agent\"", "\"backed_up_at\"", "\"doomed\"")
                .doesNotContain("api_key").doesNotContain("sha256:").doesNotContain(key);
        assertThat(lastEvent(deleted.body().get("agent")).get("event").asString()).isEqualTo("deleted");

        // the deleted agent's own key no longer works for changes (only for reading its deletion state); the
        // admin, whose token still works, is told the agent is deleted
        String path = "/api/v1/agents/delete_agent";
        assertCode(update("delete_agent", key), 401, "AUTHENTICATION_FAILED");
        assertCode(patch("delete_agent", key, Map.of("notes", "x"), null), 401, "AUTHENTICATION_FAILED");
        assertCode(patch("delete_agent", ADMIN, Map.of("notes", "x"), null), 409, "AGENT_DELETED");
        assertCode(client.post(path + "/archive", ADMIN, Map.of()), 409, "AGENT_DELETED");
        assertCode(client.post(path + "/resume", ADMIN, Map.of()), 409, "AGENT_DELETED");
        assertCode(client.post(path + "/response-complete", ADMIN, Map.of()), 409, "AGENT_DELETED");
        assertCode(client.post(path + "/api-key/rotate", ADMIN, null), 409, "AGENT_DELETED");
        assertCode(client.post(path + "/api-key/rotate", key, null), 401, "AUTHENTICATION_FAILED");
        assertCode(client.send("DELETE", path, ADMIN, null, Map.of()), 409, "AGENT_DELETED");
        assertThat(client.get(path, key).body().get("agent").get("status").asString()).isEqualTo("deleted");
        assertThat(new StoreInvariants(dataDir).logOf("delete_agent")).hasSize(1);
    }

    @Test
    void pioneerAgentsCannotBeDeleted() {
        // only the admin tags an agent pioneer (at registration or later)
        Reply registered = client.post("/api/v1/agents", ADMIN, Map.of("agent_id", "pioneer_agent", "tags",
                List.of("pioneer")));
        assertThat(registered.status()).as(registered.raw()).isEqualTo(201);
        String key = registered.body().get("api_key").asString();
        assertCode(client.send("DELETE", "/api/v1/agents/pioneer_agent", key, null, Map.of()), 409,
                "PROTECTED_AGENT");
        assertCode(client.send("DELETE", "/api/v1/agents/pioneer_agent", ADMIN, null, Map.of()), 409,
                "PROTECTED_AGENT");
        assertThat(client.get("/api/v1/agents/pioneer_agent", key).body().get("agent").get("status").asString())
                .isEqualTo("active");
    }

    @Test
    void rotatedKeyReplacesTheOldOne() {
        String oldKey = register("rotate_agent", List.of());
        Reply rotated = client.post("/api/v1/agents/rotate_agent/api-key/rotate", oldKey, null);
        assertThat(rotated.status()).as(rotated.raw()).isEqualTo(200);
        String newKey = rotated.body().get("api_key").asString();
        assertThat(newKey).startsWith("gvf_").isNotEqualTo(oldKey);
        assertThat(lastEvent(rotated.body().get("agent")).get("event").asString()).isEqualTo("api_key_rotated");
        assertCode(update("rotate_agent", oldKey), 401, "AUTHENTICATION_FAILED");
        assertThat(update("rotate_agent", newKey).status()).isEqualTo(200);
        assertThat(client.get("/api/v1/agents/rotate_agent", newKey).raw()).doesNotContain(newKey);
        Reply byAdmin = client.post("/api/v1/agents/rotate_agent/api-key/rotate", ADMIN, null);
        assertThat(byAdmin.status()).isEqualTo(200);
        assertCode(update("rotate_agent", newKey), 401, "AUTHENTICATION_FAILED");
    }

    @Test
    void anotherAgentsKeyCannotChangeAnything() {
        String keyA = register("tenant_a", List.of());
        String keyB = register("tenant_b", List.of("mine"));
        String b = "/api/v1/agents/tenant_b";
        Map<String, Object> before = recordOf("tenant_b");

        assertCode(patch("tenant_b", keyA, Map.of("tags", List.of("stolen")), null), 401, "AUTHENTICATION_FAILED");
        assertCode(client.post(b + "/archive", keyA, Map.of()), 401, "AUTHENTICATION_FAILED");
        assertCode(client.post(b + "/resume", keyA, Map.of()), 401, "AUTHENTICATION_FAILED");
        assertCode(client.post(b + "/response-complete", keyA, Map.of()), 401, "AUTHENTICATION_FAILED");
        assertCode(client.send("DELETE", b, keyA, null, Map.of()), 401, "AUTHENTICATION_FAILED");
        assertCode(client.post(b + "/api-key/rotate", keyA, null), 401, "AUTHENTICATION_FAILED");
        assertCode(client.post(b + "/updates", keyA, Map.of()), 401, "AUTHENTICATION_FAILED");
        assertCode(client.post(b + "/updates", ADMIN, Map.of()), 401, "AUTHENTICATION_FAILED");
        assertCode(client.post(b + "/archive", null, Map.of()), 401, "AUTHENTICATION_REQUIRED");
        assertCode(client.post("/api/v1/maintenance/migrate", keyA, Map.of()), 403, "FORBIDDEN");
        assertThat(recordOf("tenant_b")).isEqualTo(before);

        assertThat(client.post(b + "/archive", ADMIN, Map.of()).status()).isEqualTo(200);
        assertThat(update("tenant_b", keyB).status()).isEqualTo(200);
    }

    @Test
    void everyNewEndpointIsDocumentedWithItsErrorCodes() {
        Reply docs = client.get("/v3/api-docs", null);
        assertThat(docs.status()).isEqualTo(200);
        for (String operation : List.of("listAgents", "updateAgent", "archiveAgent", "resumeAgent", "deleteAgent",
                "rotateApiKey", "completeResponse", "getThresholds", "setThresholds", "migrate", "adoptOrphan",
                "listLocks", "cleanupLocks")) {
            assertThat(docs.raw()).contains("\"operationId\":\"" + operation + "\"");
        }
        assertThat(docs.raw()).contains("UNSAFE_RESUME", "PRECONDITION_FAILED", "PROTECTED_AGENT");
    }

    private static Map<String, Object> recordOf(String agentId) {
        return ApiClient.JSON.convertValue(client.get("/api/v1/agents/" + agentId, ADMIN).body().get("agent"),
                Map.class);
    }

    private static void setThresholds(double approve, double revise) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("risk_approve_threshold", approve);
        body.put("risk_revise_threshold", revise);
        body.put("coherence_critical_threshold", 0.40);
        body.put("void_threshold_initial", 0.15);
        Reply reply = client.send("PUT", "/api/v1/config/thresholds", ADMIN, body, Map.of());
        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
    }

    private static String register(String agentId, List<String> tags) {
        Reply reply = client.post("/api/v1/agents", null, Map.of("agent_id", agentId, "tags", tags));
        assertThat(reply.status()).as(reply.raw()).isEqualTo(201);
        return reply.body().get("api_key").asString();
    }

    private static Reply update(String agentId, String key) {
        return client.post("/api/v1/agents/" + agentId + "/updates", key, Map.of());
    }

    private static Reply patch(String agentId, String key, Map<String, Object> body, String ifMatch) {
        return client.send("PATCH", "/api/v1/agents/" + agentId, key, body,
                ifMatch == null ? Map.of() : Map.of("If-Match", ifMatch));
    }

    private static JsonNode lastEvent(JsonNode agent) {
        JsonNode events = agent.get("lifecycle_events");
        return events.get(events.size() - 1);
    }

    private static List<String> ids(JsonNode page) {
        return page.get("agents").valueStream().map(a -> a.get("agent_id").asString()).toList();
    }

    private static void assertCode(Reply reply, int status, String code) {
        assertThat(reply.status()).as(reply.raw()).isEqualTo(status);
        assertThat(reply.body().get("error_code").asString()).isEqualTo(code);
    }
}
