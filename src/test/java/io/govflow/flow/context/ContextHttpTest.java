package io.govflow.flow.context;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.govflow.support.ApiClient;
import io.govflow.support.ApiClient.Reply;
import io.govflow.support.RunningApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Agent-written documents over real HTTP: round trip at byte level, redaction, budget, manifest, delete. */
class ContextHttpTest {

    static final String ADMIN = "admin-token-for-context-tests";

    @TempDir
    static Path dataDir;

    static RunningApp app;
    static ApiClient client;

    @BeforeAll
    static void start() {
        app = RunningApp.start(dataDir, "--govflow.http.max-body=8MB", "--govflow.security.admin-token=" + ADMIN);
        client = app.client();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static Reply put(String agent, String key, String type, Object body) {
        return client.send("PUT", "/api/v1/agents/" + agent + "/context/" + type, key, body, Map.of());
    }

    static Reply get(String agent, String key, String typeAndQuery) {
        return client.get("/api/v1/agents/" + agent + "/context/" + typeAndQuery, key);
    }

    @Test
    void writtenDocumentRoundTripsWithExactKeyOrderSizesAndHash() throws Exception {
        String key = client.register("ctx_roundtrip");
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("goal", "  ship the café export  ");
        d.put("steps", List.of("plan", "build", "test", "release"));
        d.put("owner", Map.of("name", "Zoé", "team", "core"));
        d.put("empty", null);
        Reply created = put("ctx_roundtrip", key, "project.plan", Map.of("src", "planner", "d", d, "ttl_s", 0));
        assertThat(created.status()).isEqualTo(201);
        JsonNode document = created.body().get("document");
        assertThat(document.has("d")).isFalse();
        assertThat(document.propertyNames()).containsExactly("v", "t", "u", "ts", "src", "dc", "s", "m");

        Path file = ContextFiles.document(dataDir, "ctx_roundtrip", "project.plan");
        byte[] content = ContextFiles.bytes(file);
        Map<String, long[]> ranges = ContextFiles.topLevelRanges(content);
        assertThat(ranges.keySet()).containsExactly("v", "t", "u", "ts", "src", "dc", "d", "s", "m");
        assertThat(content[0]).isEqualTo((byte) '{');
        assertThat(content[content.length - 1]).isEqualTo((byte) '}');
        assertThat(new String(content, StandardCharsets.UTF_8)).doesNotContain("\n", ": ", ", ");

        ObjectNode stored = ContextFiles.tree(file);
        JsonNode m = stored.get("m");
        assertThat(m.propertyNames()).containsExactly("db", "sb", "q", "h", "ttl_s", "trim", "over", "red", "wv");
        assertThat(m.get("db").asLong()).isEqualTo(length(ranges.get("d")));
        assertThat(m.get("sb").asLong()).isEqualTo(length(ranges.get("s")));
        assertThat(m.get("h").asString()).isEqualTo(ContextFiles.canonicalHash(stored.get("d")));
        assertThat(stored.get("d").get("goal").asString()).isEqualTo("ship the café export");
        assertThat(stored.get("d").has("empty")).isFalse();
        assertThat(stored.get("v").asString()).isEqualTo("1.1");
        assertThat(stored.get("u").asString()).isEqualTo("ctx_roundtrip");
        assertThat(stored.get("dc").propertyNames()).containsExactly("audience", "purpose", "context_type",
                "journey", "retrieval_contract", "context_window_guidance", "related_documents");
        assertThat(stored.get("s").get("steps").get("count").asInt()).isEqualTo(4);

        Reply summary = get("ctx_roundtrip", key, "project.plan");
        assertThat(summary.status()).isEqualTo(200);
        assertThat(summary.headers().firstValue("X-Context-Source")).hasValue("flat_file");
        assertThat(summary.body().propertyNames()).containsExactly("success", "source", "stale", "fallback_reason",
                "document");
        assertThat(summary.body().get("source").asString()).isEqualTo("flat_file");
        assertThat(summary.body().get("stale").asBoolean()).isFalse();
        assertThat(summary.body().get("document").has("d")).isFalse();
        Reply full = get("ctx_roundtrip", key, "project.plan?view=full");
        assertThat(full.body().get("document").propertyNames()).containsExactly("v", "t", "u", "ts", "src", "dc",
                "d", "s", "m");
        assertThat(full.body().get("document").get("d")).isEqualTo(stored.get("d"));

        Reply replaced = put("ctx_roundtrip", key, "project.plan", Map.of("src", "planner", "d", Map.of("goal", "x")));
        assertThat(replaced.status()).isEqualTo(200);
        Path dir = ContextFiles.dir(dataDir, "ctx_roundtrip");
        assertThat(Files.exists(dir.resolve("project.plan.prev.json"))).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.getParent())))
                .isEqualTo("rwx------");
    }

    private static long length(long[] range) {
        return range[1] - range[0];
    }

    @Test
    void secretsAreRedactedInDataAndGivenSummaryButCountersAreNot() {
        String key = client.register("ctx_redact");
        Map<String, Object> d = Map.of(
                "config", Map.of("apiKey", "sk-live-123", "max_tokens", 512, "nested",
                        List.of(Map.of("client_secret", "cs-456", "token_count", 77))),
                "headers", Map.of("Authorization", "Bearer abc.def"),
                "session", Map.of("refresh_token", "rt-789", "password", "hunter2", "password_hash", "x1"));
        Map<String, Object> s = Map.of("login", Map.of("password", "hunter2", "apiKey", "sk-live-123"),
                "usage", Map.of("max_tokens", 512, "token_count", 77));
        Reply reply = put("ctx_redact", key, "tools.config", Map.of("src", "setup", "d", d, "s", s));
        assertThat(reply.status()).isEqualTo(201);
        String file = new String(ContextFiles.bytes(ContextFiles.document(dataDir, "ctx_redact", "tools.config")),
                StandardCharsets.UTF_8);
        assertThat(file).doesNotContain("sk-live-123", "cs-456", "abc.def", "rt-789", "hunter2", "x1");
        ObjectNode stored = ContextFiles.tree(ContextFiles.document(dataDir, "ctx_redact", "tools.config"));
        JsonNode sd = stored.get("d");
        assertThat(sd.at("/config/apiKey").asString()).isEqualTo("[REDACTED]");
        assertThat(sd.at("/config/nested/0/client_secret").asString()).isEqualTo("[REDACTED]");
        assertThat(sd.at("/headers/Authorization").asString()).isEqualTo("[REDACTED]");
        assertThat(sd.at("/session/refresh_token").asString()).isEqualTo("[REDACTED]");
        assertThat(sd.at("/session/password").asString()).isEqualTo("[REDACTED]");
        assertThat(sd.at("/session/password_hash").asString()).isEqualTo("[REDACTED]");
        assertThat(sd.at("/config/max_tokens").asInt()).isEqualTo(512);
        assertThat(sd.at("/config/nested/0/token_count").asInt()).isEqualTo(77);
        JsonNode ss = stored.get("s");
        assertThat(ss.at("/login/password").asString()).isEqualTo("[REDACTED]");
        assertThat(ss.at("/login/apiKey").asString()).isEqualTo("[REDACTED]");
        assertThat(ss.at("/usage/max_tokens").asInt()).isEqualTo(512);
        assertThat(ss.at("/usage/token_count").asInt()).isEqualTo(77);
        assertThat(stored.at("/m/red").asInt()).isEqualTo(8);
    }

    @Test
    void twoMegabyteBodyUnderTheRaisedLimitIsTrimmedDeterministically() {
        String key = client.register("ctx_budget");
        String body = ApiClient.JSON.writeValueAsString(Map.of("src", "crawler", "d", BudgetTest.twoMegabytes()));
        assertThat(body.length()).isGreaterThan(2_000_000);
        assertThat(put("ctx_budget", key, "site.crawl", body).status()).isEqualTo(201);
        Path file = ContextFiles.document(dataDir, "ctx_budget", "site.crawl");
        String first = withoutTimestamp(ContextFiles.bytes(file));
        Reply again = put("ctx_budget", key, "site.crawl", body);
        assertThat(again.status()).isEqualTo(200);
        assertThat(withoutTimestamp(ContextFiles.bytes(file))).isEqualTo(first);
        JsonNode m = again.body().get("document").get("m");
        assertThat(m.get("over").asBoolean()).isFalse();
        assertThat(m.get("db").asLong()).isLessThanOrEqualTo(256 * 1024);
        assertThat(m.get("trim")).extracting(step -> step.get("step").asString())
                .containsExactly("cut_arrays", "cut_strings");
        assertThat(again.body().get("document").get("s").get("items").get("count").asInt()).isEqualTo(4000);

        String tooLarge = "{\"src\":\"w\",\"d\":{\"x\":\"" + "z".repeat(9 * 1024 * 1024) + "\"}}";
        Reply refused = put("ctx_budget", key, "site.huge", tooLarge);
        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.body().get("error_code").asString()).isEqualTo("PAYLOAD_TOO_LARGE");
        assertThat(Files.exists(ContextFiles.document(dataDir, "ctx_budget", "site.huge"))).isFalse();
    }

    /** The file with its one timestamp value blanked (everything else must be byte-identical). */
    private static String withoutTimestamp(byte[] content) {
        return new String(content, StandardCharsets.UTF_8).replaceFirst("\"ts\":\"[^\"]*\"", "\"ts\":\"\"");
    }
}
