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
import io.govflow.support.DataDir;
import io.govflow.support.GovflowApp;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Agent-written documents over real HTTP: round trip at byte level, redaction, budget, manifest, delete. */
@GovflowApp(args = {"--govflow.http.max-body=8MB", "--govflow.security.admin-token=" + ContextHttpTest.ADMIN})
class ContextHttpTest {

    static final String ADMIN = "admin-token-for-context-tests";

    @DataDir
    static Path dataDir;

    static ApiClient client;

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

    @Test
    void corruptAgentDocumentFallsBackToItsPreviousCopyThenToTheLexicalSearch() {
        String key = client.register("ctx_fallback");
        Map<String, Object> first = Map.of("src", "notes", "d", Map.of("topic", "deployment plan", "version", 1),
                "q", List.of("deployment plan"));
        assertThat(put("ctx_fallback", key, "project.notes", first).status()).isEqualTo(201);
        assertThat(put("ctx_fallback", key, "project.notes",
                Map.of("src", "notes", "d", Map.of("topic", "deployment plan", "version", 2))).status())
                .isEqualTo(200);
        put("ctx_fallback", key, "project.tasks", Map.of("src", "tasks",
                "d", Map.of("task", "write the deployment checklist"), "q", List.of("deployment checklist")));
        put("ctx_fallback", key, "team.lunch", Map.of("src", "misc", "d", Map.of("menu", "soup")));
        Path dir = ContextFiles.dir(dataDir, "ctx_fallback");

        ContextFiles.write(dir.resolve("project.notes.json"), "{\"v\":\"1.1\",\"t\"");
        Reply previous = get("ctx_fallback", key, "project.notes?view=full");
        assertThat(previous.status()).isEqualTo(200);
        assertThat(previous.headers().firstValue("X-Context-Source")).hasValue("canonical_store");
        assertThat(previous.body().get("stale").asBoolean()).isTrue();
        assertThat(previous.body().get("fallback_reason").asString()).isEqualTo("corrupt");
        assertThat(previous.body().at("/document/d/version").asInt()).isEqualTo(1);
        JsonNode drift = client.get("/api/v1/agents/ctx_fallback/context/project.notes/drift", key).body();
        assertThat(drift.get("status").asString()).isEqualTo("invalid");
        assertThat(drift.get("problem").asString()).isEqualTo("corrupt");
        assertThat(drift.get("previous_copy").asBoolean()).isTrue();

        ContextFiles.write(dir.resolve("project.notes.prev.json"), "not json at all");
        Reply semantic = get("ctx_fallback", key, "project.notes");
        assertThat(semantic.status()).isEqualTo(200);
        assertThat(semantic.headers().firstValue("X-Context-Source")).hasValue("semantic");
        assertThat(semantic.body().get("source").asString()).isEqualTo("semantic");
        assertThat(semantic.body().get("stale").asBoolean()).isTrue();
        assertThat(semantic.body().get("fallback_reason").asString()).isEqualTo("corrupt");
        JsonNode hits = semantic.body().at("/document/s/hits");
        assertThat(hits).hasSize(1);
        assertThat(hits.get(0).get("ref").asString()).isEqualTo("project.tasks");
        assertThat(semantic.body().at("/document/src").asString()).isEqualTo("govflow.semantic");
        assertThat(get("ctx_fallback", key, "project.notes?q=soup").body().at("/document/s/hits/0/ref").asString())
                .isEqualTo("team.lunch");

        Reply nothing = get("ctx_fallback", key, "project.notes?q=zebra");
        assertThat(nothing.status()).isEqualTo(404);
        assertThat(nothing.body().get("error_code").asString()).isEqualTo("CONTEXT_NOT_FOUND");
        assertThat(nothing.body().at("/details/problem").asString()).isEqualTo("corrupt");

        ObjectNode tampered = ContextFiles.tree(dir.resolve("team.lunch.json"));
        ((ObjectNode) tampered.get("d")).put("menu", "steak");
        ContextFiles.write(dir.resolve("team.lunch.json"), tampered.toString());
        Reply afterTamper = get("ctx_fallback", key, "team.lunch");
        assertThat(afterTamper.status()).isEqualTo(404);
        assertThat(afterTamper.body().at("/details/problem").asString()).isEqualTo("hash_mismatch");
        assertThat(afterTamper.raw()).doesNotContain("steak");
    }

    @Test
    void expiredDocumentIsServedAsTheLastValidCopyMarkedStale() {
        String key = client.register("ctx_ttl");
        put("ctx_ttl", key, "market.prices", Map.of("src", "feed", "d", Map.of("eur", 1.08), "ttl_s", 60));
        assertThat(get("ctx_ttl", key, "market.prices").body().get("stale").asBoolean()).isFalse();
        Path file = ContextFiles.document(dataDir, "ctx_ttl", "market.prices");
        ObjectNode old = ContextFiles.tree(file);
        old.put("ts", "2001-01-01T00:00:00.000000");
        ContextFiles.write(file, old.toString());
        Reply expired = get("ctx_ttl", key, "market.prices");
        assertThat(expired.body().get("source").asString()).isEqualTo("flat_file");
        assertThat(expired.body().get("stale").asBoolean()).isTrue();
        assertThat(expired.body().get("fallback_reason").asString()).isEqualTo("expired");
        JsonNode drift = client.get("/api/v1/agents/ctx_ttl/context/market.prices/drift", key).body();
        assertThat(drift.get("status").asString()).isEqualTo("expired");
        assertThat(drift.at("/ttl/expires_at").asString()).isEqualTo("2001-01-01T00:01:00.000000");
    }

    @Test
    void schemaOnePointZeroIsReadAndZeroPointNineIsReportedInvalid() throws Exception {
        String key = client.register("ctx_schema");
        Path dir = ContextFiles.dir(dataDir, "ctx_schema");
        Files.createDirectories(dir);
        ContextFiles.write(dir.resolve("legacy.notes.json"), "{\"v\":\"1.0\",\"t\":\"legacy.notes\","
                + "\"u\":\"ctx_schema\",\"ts\":\"2026-01-05T10:00:00.000000\",\"src\":\"onboarding_step2\","
                + "\"d\":{\"brand\":\"acme\"},\"s\":{\"brand\":\"acme\"},\"m\":{\"db\":16,\"sb\":16,\"q\":[]}}");
        Reply legacy = get("ctx_schema", key, "legacy.notes?view=full");
        assertThat(legacy.status()).isEqualTo(200);
        assertThat(legacy.body().get("source").asString()).isEqualTo("flat_file");
        assertThat(legacy.body().get("stale").asBoolean()).isFalse();
        assertThat(legacy.body().at("/document/v").asString()).isEqualTo("1.0");
        assertThat(legacy.body().get("document").has("dc")).isFalse();
        assertThat(legacy.body().at("/document/d/brand").asString()).isEqualTo("acme");

        ContextFiles.write(dir.resolve("ancient.notes.json"), "{\"v\":\"0.9\",\"t\":\"ancient.notes\","
                + "\"u\":\"ctx_schema\",\"ts\":\"2026-01-05T10:00:00.000000\",\"src\":\"x\",\"d\":{\"a\":1}}");
        Reply ancient = get("ctx_schema", key, "ancient.notes?view=full");
        assertThat(ancient.status()).isEqualTo(200);
        assertThat(ancient.body().get("source").asString()).isEqualTo("semantic");
        assertThat(ancient.body().get("stale").asBoolean()).isTrue();
        assertThat(ancient.body().get("fallback_reason").asString()).isEqualTo("unsupported_version");
        assertThat(ancient.body().at("/document/s/hits/0/ref").asString()).isEqualTo("legacy.notes");
        Reply unmatched = get("ctx_schema", key, "ancient.notes?q=zebra");
        assertThat(unmatched.status()).isEqualTo(404);
        assertThat(unmatched.body().at("/details/problem").asString()).isEqualTo("unsupported_version");
        assertThat(client.get("/api/v1/agents/ctx_schema/context/ancient.notes/drift", key).body()
                .get("problem").asString()).isEqualTo("unsupported_version");

        put("ctx_schema", key, "current.notes", Map.of("src", "w", "d", Map.of("n", 1)));
        put("ctx_schema", key, "current.notes", Map.of("src", "w", "d", Map.of("n", 2)));
        ObjectNode downgraded = ContextFiles.tree(dir.resolve("current.notes.json"));
        downgraded.put("v", "0.9");
        ContextFiles.write(dir.resolve("current.notes.json"), downgraded.toString());
        Reply fallback = get("ctx_schema", key, "current.notes?view=full");
        assertThat(fallback.body().get("source").asString()).isEqualTo("canonical_store");
        assertThat(fallback.body().get("stale").asBoolean()).isTrue();
        assertThat(fallback.body().get("fallback_reason").asString()).isEqualTo("unsupported_version");
        assertThat(fallback.body().at("/document/d/n").asInt()).isEqualTo(1);
    }

    @Test
    void manifestListsDocumentsAndDeleteRemovesThemWithTheirPreviousCopies() {
        String key = client.register("ctx_manifest");
        put("ctx_manifest", key, "onboarding.step2.website_analysis", Map.of("src", "onboarding_step2",
                "d", Map.of("website_url", "https://example.org", "brand_analysis",
                        Map.of("brand_voice", "Pragmatic", "industry", "tools"))));
        put("ctx_manifest", key, "alpha.one", Map.of("src", "w", "d", Map.of("a", 1)));
        put("ctx_manifest", key, "alpha.one", Map.of("src", "w", "d", Map.of("a", 2)));
        JsonNode list = client.get("/api/v1/agents/ctx_manifest/context", key).body();
        assertThat(list.get("count").asInt()).isEqualTo(2);
        assertThat(list.at("/documents/0/t").asString()).isEqualTo("alpha.one");
        JsonNode onboarding = list.at("/documents/1");
        assertThat(onboarding.get("t").asString()).isEqualTo("onboarding.step2.website_analysis");
        ObjectNode stored = ContextFiles.tree(ContextFiles.document(dataDir, "ctx_manifest",
                "onboarding.step2.website_analysis"));
        assertThat(onboarding.get("db")).isEqualTo(stored.at("/m/db"));
        assertThat(onboarding.get("h")).isEqualTo(stored.at("/m/h"));
        assertThat(onboarding.at("/related/0/t").asString()).isEqualTo("onboarding.step3.research_preferences");
        assertThat(stored.at("/s/quick_facts/brand_voice").asString()).isEqualTo("Pragmatic");
        assertThat(stored.at("/s/high_signal_terms").toString()).isEqualTo("[\"Pragmatic\",\"tools\"]");
        assertThat(stored.at("/dc/journey/stage").asString()).isEqualTo("onboarding_step_2");
        assertThat(stored.at("/m/q")).hasSize(5);

        Reply deleted = client.send("DELETE", "/api/v1/agents/ctx_manifest/context/alpha.one", key, null, Map.of());
        assertThat(deleted.status()).isEqualTo(200);
        Path dir = ContextFiles.dir(dataDir, "ctx_manifest");
        assertThat(dir.resolve("alpha.one.json")).doesNotExist();
        assertThat(dir.resolve("alpha.one.prev.json")).doesNotExist();
        assertThat(client.get("/api/v1/agents/ctx_manifest/context", key).body().get("count").asInt()).isEqualTo(1);
        assertThat(get("ctx_manifest", key, "alpha.one").status()).isEqualTo(404);
        Reply again = client.send("DELETE", "/api/v1/agents/ctx_manifest/context/alpha.one", key, null, Map.of());
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.body().get("error_code").asString()).isEqualTo("CONTEXT_NOT_FOUND");
    }

    @Test
    void otherTenantsAndMissingCredentialsCannotReachADocument() throws Exception {
        String keyA = client.register("ctx_tenant_a");
        String keyB = client.register("ctx_tenant_b");
        put("ctx_tenant_a", keyA, "private.notes", Map.of("src", "a", "d", Map.of("secret_plan", "none")));
        List<String> snapshot = files();
        String base = "/api/v1/agents/ctx_tenant_a/context";
        Map<String, Object> body = Map.of("src", "b", "d", Map.of("x", 1));
        for (String[] call : new String[][] {{"GET", base}, {"GET", base + "/private.notes"},
                {"GET", base + "/private.notes/drift"}, {"PUT", base + "/private.notes"},
                {"DELETE", base + "/private.notes"}, {"GET", base + "/governance.state"},
                {"PUT", base + "/other.type"}}) {
            Object payload = call[0].equals("PUT") ? body : null;
            Reply asB = client.send(call[0], call[1], keyB, payload, Map.of());
            assertThat(asB.status()).as(call[0] + " " + call[1]).isEqualTo(404);
            assertThat(asB.body().get("error_code").asString()).isEqualTo("CONTEXT_NOT_FOUND");
            Reply anonymous = client.send(call[0], call[1], null, payload, Map.of());
            assertThat(anonymous.status()).isEqualTo(401);
            assertThat(anonymous.body().get("error_code").asString()).isEqualTo("AUTHENTICATION_REQUIRED");
            Reply forged = client.send(call[0], call[1], "gvf_not-a-real-key", payload, Map.of());
            assertThat(forged.status()).isEqualTo(401);
            assertThat(forged.body().get("error_code").asString()).isEqualTo("AUTHENTICATION_FAILED");
        }
        assertThat(files()).isEqualTo(snapshot);
        assertThat(client.get(base + "/private.notes", ADMIN).status()).isEqualTo(200);
        assertThat(client.get(base + "/private.notes", keyA).status()).isEqualTo(200);
        assertThat(client.get("/api/v1/agents/ctx_nobody/context", keyB).body().get("error_code").asString())
                .isEqualTo("CONTEXT_NOT_FOUND");
        assertThat(client.get("/api/v1/agents/ctx_nobody/context", ADMIN).body().get("error_code").asString())
                .isEqualTo("AGENT_NOT_FOUND");

        put("ctx_tenant_b", keyB, "own.notes", Map.of("src", "b", "d", Map.of("x", 1)));
        Files.copy(ContextFiles.document(dataDir, "ctx_tenant_a", "private.notes"),
                ContextFiles.document(dataDir, "ctx_tenant_b", "private.notes"));
        Reply copied = client.get("/api/v1/agents/ctx_tenant_b/context/private.notes", keyB);
        assertThat(copied.status()).isEqualTo(404);
        assertThat(copied.body().at("/details/problem").asString()).isEqualTo("tenant_mismatch");
        assertThat(copied.raw()).doesNotContain("secret_plan");
    }

    @Test
    void invalidTypeNamesAreRefusedAndNothingIsWrittenOutsideTheTenant() {
        String key = client.register("ctx_types");
        List<String> snapshot = files();
        Map<String, Object> body = Map.of("src", "w", "d", Map.of("x", 1));
        for (String type : new String[] {"a..b", "A.B", "x".repeat(101), "x.prev", ".hidden", "trailing.",
                "_manifest", "a.b.c.d.e.f.g", "1abc", "a-b", "a%20b"}) {
            Reply reply = put("ctx_types", key, type, body);
            assertThat(reply.status()).as(type).isEqualTo(400);
            assertThat(reply.body().get("error_code").asString()).as(type).isEqualTo("INVALID_CONTEXT_TYPE");
            assertThat(get("ctx_types", key, type).status()).as(type).isEqualTo(400);
        }
        for (String path : new String[] {"../x", "..%2Fx", "%2E%2E%2Fx", "..%5Cx", "a%00b", "%2e%2e"}) {
            Reply reply = put("ctx_types", key, path, body);
            assertThat(reply.status()).as(path).isIn(400, 404, 405);
        }
        assertThat(files()).isEqualTo(snapshot);
        assertThat(put("ctx_types", key, "x".repeat(100), body).status()).isEqualTo(201);
        assertThat(put("ctx_types", key, "a.b.c.d.e.f", body).status()).isEqualTo(201);
        assertThat(files().stream().filter(f -> !snapshot.contains(f)))
                .allMatch(f -> f.startsWith("workspace/workspace_ctx_types/agent_context/"));
    }

    @Test
    void badBodiesAndParametersAreRefusedBeforeAnythingIsWritten() {
        String key = client.register("ctx_bodies");
        List<String> snapshot = files();
        Object[][] cases = {
            {Map.of("src", "w", "d", List.of(1, 2)), "d"},
            {Map.of("src", "w", "d", "text"), "d"},
            {Map.of("src", "w", "d", Map.of("a", 1), "s", List.of()), "s"},
            {Map.of("src", "w", "d", Map.of("a", 1), "s", Map.of("big", "x".repeat(5000))), "s"},
            {Map.of("d", Map.of("a", 1)), "src"},
            {Map.of("src", "bad src!", "d", Map.of("a", 1)), "src"},
            {Map.of("src", "w", "d", Map.of("a", 1), "ttl_s", -1), "ttl_s"},
            {Map.of("src", "w", "d", Map.of("a", 1), "extra", true), "extra"},
            {Map.of("src", "w", "d", Map.of("a", 1), "related", List.of(Map.of("t", "A..B", "reason", "x"))),
                "related[0].t"},
        };
        for (Object[] c : cases) {
            Reply reply = put("ctx_bodies", key, "some.doc", c[0]);
            assertThat(reply.status()).as(c[1].toString()).isEqualTo(400);
            assertThat(reply.body().get("error_code").asString()).isEqualTo("VALIDATION_FAILED");
            assertThat(reply.body().at("/details/fields/0/field").asString()).isEqualTo(c[1]);
        }
        Reply view = get("ctx_bodies", key, "some.doc?view=everything");
        assertThat(view.status()).isEqualTo(400);
        assertThat(view.body().get("error_code").asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(files()).isEqualTo(snapshot);
        Reply notObject = put("ctx_bodies", null, "some.doc", "[not json");
        assertThat(notObject.status()).isEqualTo(401);
    }

    private static List<String> files() {
        return io.govflow.support.TestFiles.filesUnder(dataDir).stream().filter(f -> !f.endsWith(".lock")).toList();
    }

    @Test
    void concurrentWritersOfOneTenantLoseNoManifestEntry() throws Exception {
        String key = client.register("ctx_concurrent");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        List<java.util.concurrent.Future<Integer>> statuses = new java.util.ArrayList<>();
        for (int t = 0; t < 8; t++) {
            for (int n = 0; n < 10; n++) {
                String type = "worker" + t + ".item" + n;
                statuses.add(pool.submit(() -> put("ctx_concurrent", key, type,
                        Map.of("src", "w", "d", Map.of("n", 1))).status()));
                statuses.add(pool.submit(() -> put("ctx_concurrent", key, "shared.doc",
                        Map.of("src", "w", "d", Map.of("writer", type))).status()));
            }
        }
        for (java.util.concurrent.Future<Integer> status : statuses) {
            assertThat(status.get()).isIn(200, 201);
        }
        pool.shutdown();
        JsonNode list = client.get("/api/v1/agents/ctx_concurrent/context", key).body();
        assertThat(list.get("count").asInt()).isEqualTo(81);
        assertThat(get("ctx_concurrent", key, "shared.doc").body().get("source").asString()).isEqualTo("flat_file");
        assertThat(get("ctx_concurrent", key, "shared.doc").body().get("stale").asBoolean()).isFalse();
    }
}
