package io.govflow.flow.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.govflow.support.FileStoreOnly;
import io.govflow.store.io.StoreJson;
import io.govflow.support.ApiClient;
import io.govflow.support.ApiClient.Reply;
import io.govflow.support.DataDir;
import io.govflow.support.GovflowApp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** The knowledge-graph endpoints over real HTTP: storing, reading, searching, statuses and every refusal. */
@GovflowApp(args = {"--govflow.security.admin-token=" + KnowledgeHttpTest.ADMIN,
        "--govflow.knowledge.max-stores-per-hour=4"})
class KnowledgeHttpTest {

    static final String ADMIN = "knowledge-admin-token";

    @DataDir
    static Path dataDir;

    static ApiClient client;
    static String ownerKey;
    static String otherKey;

    @BeforeAll
    static void start() {
        ownerKey = client.register("finder_01");
        otherKey = client.register("reader_01");
    }

    static Map<String, Object> discovery(String agentId, String summary, Object... extra) {
        Map<String, Object> body = new HashMap<>(Map.of("agent_id", agentId, "type", "insight", "summary", summary));
        for (int i = 0; i < extra.length; i += 2) {
            body.put((String) extra[i], extra[i + 1]);
        }
        return body;
    }

    @FileStoreOnly

    @Test
    void storeGetPatchSimilarAndStats() throws Exception {
        Reply first = client.post("/api/v1/discoveries", ownerKey, discovery("finder_01",
                "Coherence dips after long idle periods", "tags", List.of(" Coherence ", "IDLE"), "severity", "medium",
                "details", "Seen on three agents.", "related_files", List.of("src/engine.py")));
        assertThat(first.status()).as(first.raw()).isEqualTo(201);
        String firstId = first.body().get("discovery_id").asString();
        assertThat(firstId).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}(-\\d+)?");
        JsonNode stored = first.body().get("discovery");
        assertThat(stored.get("tags").toString()).isEqualTo("[\"coherence\",\"idle\"]");
        assertThat(stored.get("status").asString()).isEqualTo("open");
        assertThat(stored.get("references_files").get(0).asString()).isEqualTo("src/engine.py");

        Reply second = client.post("/api/v1/discoveries", ownerKey, discovery("finder_01",
                "Idle agents lose coherence", "tags", List.of("coherence", "idle", "timing"), "type", "pattern"));
        assertThat(second.body().get("discovery").get("related_to").get(0).asString()).isEqualTo(firstId);
        assertThat(second.body().get("related_discoveries").get(0).get("id").asString()).isEqualTo(firstId);

        assertThat(client.get("/api/v1/discoveries/" + firstId, otherKey).body().get("discovery")).isEqualTo(stored);
        JsonNode similar = client.get("/api/v1/discoveries/" + firstId + "/similar", otherKey).body();
        assertThat(similar.get("similar").get(0).get("shared_tags").toString()).isEqualTo("[\"coherence\",\"idle\"]");

        assertError(client.send("PATCH", "/api/v1/discoveries/" + firstId, otherKey, Map.of("status", "resolved"),
                Map.of()), 401, "AUTHENTICATION_FAILED");
        Reply patched = client.send("PATCH", "/api/v1/discoveries/" + firstId, ownerKey, Map.of("status",
                "resolved", "note", "Fixed by the idle heartbeat"), Map.of());
        assertThat(patched.status()).as(patched.raw()).isEqualTo(200);
        assertThat(patched.body().get("discovery").get("status").asString()).isEqualTo("resolved");
        assertThat(patched.body().get("discovery").get("resolved_at").isNull()).isFalse();
        assertThat(patched.body().get("discovery").get("details").asString()).contains("Fixed by the idle heartbeat");
        assertThat(client.send("PATCH", "/api/v1/discoveries/" + firstId, ADMIN, Map.of("status", "archived"),
                Map.of()).status()).isEqualTo(200);

        JsonNode stats = client.get("/api/v1/discoveries/stats", otherKey).body();
        assertThat(stats.get("by_type").get("pattern").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(stats.get("total_discoveries").asInt()).isEqualTo(stats.get("by_agent").valueStream()
                .mapToInt(JsonNode::asInt).sum());

        JsonNode file = new StoreJson().parseObject(Files.readAllBytes(dataDir.resolve("knowledge_graph.json")));
        assertThat(file.get("nodes").get(firstId).get("status").asString()).isEqualTo("archived");
        assertThat(file.get("indexes").get("by_status").get("archived").toString()).contains(firstId);
    }

    @Test
    void searchFiltersAndRanks() {
        client.post("/api/v1/discoveries", otherKey, discovery("reader_01", "Lock files pile up in workspace",
                "tags", List.of("locks", "cleanup"), "severity", "low", "type", "bug_found"));
        client.post("/api/v1/discoveries", otherKey, discovery("reader_01", "Cleanup of stale lock files is safe",
                "tags", List.of("locks"), "severity", "high", "type", "improvement"));

        JsonNode bugs = client.get("/api/v1/discoveries?type=bug_found&tags=locks,cleanup", otherKey).body();
        assertThat(bugs.get("count").asInt()).isEqualTo(1);
        assertThat(client.get("/api/v1/discoveries?severity=high&agent_id=reader_01", otherKey).body()
                .get("discoveries").get(0).get("summary").asString()).startsWith("Cleanup of stale");
        JsonNode ranked = client.get("/api/v1/discoveries?q=stale%20lock%20cleanup&limit=5", otherKey).body();
        assertThat(ranked.get("discoveries").get(0).get("summary").asString()).startsWith("Cleanup of stale");
        JsonNode mine = client.get("/api/v1/agents/reader_01/discoveries", otherKey).body();
        assertThat(mine.get("count").asInt()).isGreaterThanOrEqualTo(2);
    }

    static List<Object[]> badInput() {
        List<Object[]> cases = new ArrayList<>();
        cases.add(new Object[] { "summary over 500", discovery("finder_01", "x".repeat(501)) });
        List<String> tags = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            tags.add("tag" + i);
        }
        cases.add(new Object[] { "21 tags", discovery("finder_01", "ok", "tags", tags) });
        cases.add(new Object[] { "tag over 50", discovery("finder_01", "ok", "tags", List.of("t".repeat(51))) });
        cases.add(new Object[] { "unknown severity", discovery("finder_01", "ok", "severity", "urgent") });
        cases.add(new Object[] { "unknown type", discovery("finder_01", "ok", "type", "rumour") });
        cases.add(new Object[] { "details over 20000", discovery("finder_01", "ok", "details", "d".repeat(20_001)) });
        cases.add(new Object[] { "blank summary", discovery("finder_01", "   ") });
        cases.add(new Object[] { "unknown field", discovery("finder_01", "ok", "priority", 1) });
        return cases;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInput")
    void badDiscoveriesAreRefusedWithValidationFailed(String name, Map<String, Object> body) {
        assertError(client.post("/api/v1/discoveries", ownerKey, body), 400, "VALIDATION_FAILED");
    }

    @Test
    void refusalsHaveTheirCodes() {
        assertError(client.post("/api/v1/discoveries", null, discovery("finder_01", "ok")), 401,
                "AUTHENTICATION_REQUIRED");
        assertError(client.post("/api/v1/discoveries", otherKey, discovery("finder_01", "ok")), 401,
                "AUTHENTICATION_FAILED");
        assertError(client.post("/api/v1/discoveries", ADMIN, discovery("finder_01", "ok")), 401,
                "AUTHENTICATION_FAILED");
        assertError(client.get("/api/v1/discoveries/2020-01-01T00:00:00.000000", otherKey), 404,
                "DISCOVERY_NOT_FOUND");
        assertError(client.get("/api/v1/discoveries/..%2F..%2Fetc", otherKey), 400, "VALIDATION_FAILED");
        assertError(client.send("PATCH", "/api/v1/discoveries/2020-01-01T00:00:00.000000", ownerKey,
                Map.of("status", "resolved"), Map.of()), 404, "DISCOVERY_NOT_FOUND");
        assertError(client.get("/api/v1/discoveries/nope/similar", otherKey), 404, "DISCOVERY_NOT_FOUND");
        assertError(client.send("PATCH", "/api/v1/discoveries/nope", ownerKey, Map.of("status", "closed"),
                Map.of()), 400, "VALIDATION_FAILED");
        assertError(client.get("/api/v1/discoveries?status=closed", otherKey), 400, "VALIDATION_FAILED");
        assertError(client.get("/api/v1/discoveries?severity=urgent", otherKey), 400, "VALIDATION_FAILED");
        assertError(client.get("/api/v1/discoveries?type=rumour", otherKey), 400, "VALIDATION_FAILED");
        assertError(client.get("/api/v1/discoveries?limit=101", otherKey), 400, "VALIDATION_FAILED");
        assertError(client.get("/api/v1/discoveries?agent_id=../x", otherKey), 400, "INVALID_AGENT_ID");
        assertError(client.get("/api/v1/discoveries", null), 401, "AUTHENTICATION_REQUIRED");
    }

    @Test
    void theRateLimitAnswers429WithRetryAfter() {
        String key = client.register("prolific_01");
        for (int i = 0; i < 4; i++) {
            assertThat(client.post("/api/v1/discoveries", key, discovery("prolific_01", "note " + i)).status())
                    .isEqualTo(201);
        }
        Reply limited = client.post("/api/v1/discoveries", key, discovery("prolific_01", "one too many"));
        assertError(limited, 429, "RATE_LIMITED");
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
    }

    static void assertError(Reply reply, int status, String code) {
        assertThat(reply.status()).as(reply.raw()).isEqualTo(status);
        assertThat(reply.body().get("error_code").asString()).isEqualTo(code);
    }
}
