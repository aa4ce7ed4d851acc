package io.govflow.flow.context;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.govflow.support.FileStoreOnly;
import io.govflow.support.ApiClient;
import io.govflow.support.ApiClient.Reply;
import io.govflow.support.DataDir;
import io.govflow.support.FileTree;
import io.govflow.support.GovflowApp;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Service-maintained governance.* documents: lazy materialization from the canonical store, and its fallbacks. */
@GovflowApp(args = "--govflow.governance.loop-detection=false")
class GovernanceContextHttpTest {

    @DataDir
    static Path dataDir;

    static ApiClient client;

    static Reply read(String agent, String key, String typeAndQuery) {
        Reply reply = client.get("/api/v1/agents/" + agent + "/context/" + typeAndQuery, key);
        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        assertThat(reply.headers().firstValue("X-Context-Source")).hasValue(reply.body().get("source").asString());
        return reply;
    }

    static void update(String agent, String key) {
        assertThat(client.post("/api/v1/agents/" + agent + "/updates", key, Map.of("complexity", 0.4)).status())
                .isEqualTo(200);
    }

    static void assertServed(Reply reply, String source, String reason) {
        assertThat(reply.body().get("source").asString()).isEqualTo(source);
        assertThat(reply.body().get("stale").asBoolean()).isFalse();
        JsonNode fallback = reply.body().get("fallback_reason");
        assertThat(fallback.isNull() ? null : fallback.asString()).isEqualTo(reason);
    }

    @FileStoreOnly

    @Test
    void stateIsDerivedOnFirstReadThenServedFromTheFlatFile() {
        String key = client.register("gov_first");
        update("gov_first", key);
        Reply first = read("gov_first", key, "governance.state?view=full");
        assertServed(first, "canonical_store", "missing");
        JsonNode document = first.body().get("document");
        assertThat(document.get("src").asString()).isEqualTo("govflow.update");
        assertThat(document.at("/d/as_of/seq").asLong()).isEqualTo(1);
        assertThat(document.at("/d/recent_decisions")).hasSize(1);
        assertThat(document.at("/s/updates").asLong()).isEqualTo(1);
        assertThat(document.at("/m/q/0").asString()).isEqualTo("decision");
        Path file = ContextFiles.document(dataDir, "gov_first", "governance.state");
        assertThat(file).exists();

        Reply second = read("gov_first", key, "governance.state");
        assertServed(second, "flat_file", null);
        assertThat(second.body().get("document").has("d")).isFalse();
        assertThat(second.body().at("/document/s")).isEqualTo(document.get("s"));
        assertThat(client.get("/api/v1/agents/gov_first/context", key).body().at("/documents/0/t").asString())
                .isEqualTo("governance.state");
    }

    @FileStoreOnly

    @Test
    void deletedCorruptTamperedOrStaleStateIsServedFromTheCanonicalStoreAndRewritten() {
        String key = client.register("gov_fallback");
        update("gov_fallback", key);
        read("gov_fallback", key, "governance.state");
        Path file = ContextFiles.document(dataDir, "gov_fallback", "governance.state");
        ObjectNode good = ContextFiles.tree(file);

        delete(file);
        assertServed(read("gov_fallback", key, "governance.state"), "canonical_store", "missing");
        assertServed(read("gov_fallback", key, "governance.state"), "flat_file", null);

        ContextFiles.write(file, "{\"v\":\"1.1\",\"t\":\"governance.st");
        assertServed(read("gov_fallback", key, "governance.state"), "canonical_store", "corrupt");
        assertThat(ContextFiles.tree(file).get("d")).isEqualTo(good.get("d"));

        ObjectNode tampered = ContextFiles.tree(file);
        ((ObjectNode) tampered.get("d")).put("coherence", 0.99);
        ((ObjectNode) tampered.at("/d/eisv")).put("V", -0.5);
        ContextFiles.write(file, tampered.toString());
        Reply afterTamper = read("gov_fallback", key, "governance.state?view=full");
        assertServed(afterTamper, "canonical_store", "hash_mismatch");
        assertThat(afterTamper.body().at("/document/d/coherence")).isEqualTo(good.at("/d/coherence"));
        assertThat(ContextFiles.tree(file).get("d")).isEqualTo(good.get("d"));

        ObjectNode stale = ContextFiles.tree(file);
        ((ObjectNode) stale.at("/d/as_of")).put("seq", 0);
        ((ObjectNode) stale.get("m")).put("h", ContextFiles.canonicalHash(stale.get("d")));
        ContextFiles.write(file, stale.toString());
        assertServed(read("gov_fallback", key, "governance.state"), "canonical_store", "source_changed");
        assertThat(ContextFiles.tree(file).at("/d/as_of/seq").asLong()).isEqualTo(1);
        assertServed(read("gov_fallback", key, "governance.state"), "flat_file", null);
    }

    @FileStoreOnly

    @Test
    void anUpdateNeverTouchesTheWorkspaceAndTheNextReadReflectsIt() {
        String key = client.register("gov_hotpath");
        update("gov_hotpath", key);
        read("gov_hotpath", key, "governance.state");
        read("gov_hotpath", key, "governance.history");
        Path workspace = dataDir.resolve("workspace").resolve("workspace_gov_hotpath");
        Map<String, String> before = FileTree.fingerprint(workspace);

        update("gov_hotpath", key);
        update("gov_hotpath", key);

        assertThat(FileTree.fingerprint(workspace)).isEqualTo(before);
        Reply state = read("gov_hotpath", key, "governance.state?view=full");
        assertServed(state, "canonical_store", "source_changed");
        assertThat(state.body().at("/document/s/updates").asLong()).isEqualTo(3);
        assertThat(state.body().at("/document/d/recent_decisions")).hasSize(3);
        JsonNode metrics = client.get("/api/v1/agents/gov_hotpath/metrics", key).body();
        assertThat(state.body().at("/document/d/coherence")).isEqualTo(metrics.at("/state/coherence"));
        Reply history = read("gov_hotpath", key, "governance.history?view=full");
        assertServed(history, "canonical_store", "source_changed");
        assertThat(history.body().at("/document/d/totals/updates").asLong()).isEqualTo(3);
    }

    @Test
    void historySummarizesTheWholeUpdateLog() {
        String key = client.register("gov_history");
        for (int i = 0; i < 25; i++) {
            update("gov_history", key);
        }
        Reply history = read("gov_history", key, "governance.history?view=full");
        JsonNode d = history.body().at("/document/d");
        assertThat(d.at("/totals/updates").asLong()).isEqualTo(25);
        long decisions = 0;
        for (JsonNode count : d.get("decision_mix")) {
            decisions += count.asLong();
        }
        assertThat(decisions).isEqualTo(25);
        assertThat(d.at("/trends/coherence/direction").asString()).isIn("rising", "falling", "flat");
        assertThat(d.at("/means/coherence").isNumber()).isTrue();
        assertThat(history.body().at("/document/s/updates").asLong()).isEqualTo(25);
        assertThat(history.body().at("/document/dc/related_documents/0/t").asString()).isEqualTo("governance.state");
    }

    @Test
    void serviceTypesAreNotWritableAndUnknownOnesAreNotFound() {
        String key = client.register("gov_types");
        for (String type : new String[] {"governance.state", "governance.history", "governance.knowledge",
                "governance.dialectic", "governance.custom"}) {
            Reply put = client.send("PUT", "/api/v1/agents/gov_types/context/" + type, key,
                    Map.of("src", "me", "d", Map.of("x", 1)), Map.of());
            assertThat(put.status()).isEqualTo(400);
            assertThat(put.body().get("error_code").asString()).isEqualTo("INVALID_CONTEXT_TYPE");
        }
        for (String type : new String[] {"governance.custom", "governance.state.extra"}) {
            Reply get = client.get("/api/v1/agents/gov_types/context/" + type, key);
            assertThat(get.status()).isEqualTo(404);
            assertThat(get.body().get("error_code").asString()).isEqualTo("CONTEXT_NOT_FOUND");
        }
        assertThat(client.get("/api/v1/agents/gov_types/context", key).body().get("service_types").toString())
                .isEqualTo("[\"governance.dialectic\",\"governance.history\",\"governance.knowledge\","
                        + "\"governance.state\"]");
    }

    @FileStoreOnly

    @Test
    void driftReportsHashAndSourceDriftWithoutRewriting() {
        String key = client.register("gov_drift");
        update("gov_drift", key);
        read("gov_drift", key, "governance.state");
        JsonNode inSync = client.get("/api/v1/agents/gov_drift/context/governance.state/drift", key).body();
        assertThat(inSync.get("status").asString()).isEqualTo("in_sync");
        assertThat(inSync.at("/hash/match").asBoolean()).isTrue();
        assertThat(inSync.at("/source/in_sync").asBoolean()).isTrue();

        update("gov_drift", key);
        JsonNode sourceDrift = client.get("/api/v1/agents/gov_drift/context/governance.state/drift", key).body();
        assertThat(sourceDrift.get("status").asString()).isEqualTo("source_drift");
        assertThat(sourceDrift.at("/source/stored_as_of/seq").asLong()).isEqualTo(1);
        assertThat(sourceDrift.at("/source/current_as_of/seq").asLong()).isEqualTo(2);

        Path file = ContextFiles.document(dataDir, "gov_drift", "governance.state");
        ObjectNode tampered = ContextFiles.tree(file);
        ((ObjectNode) tampered.get("d")).put("verdict", "safe");
        ContextFiles.write(file, tampered.toString());
        JsonNode hashDrift = client.get("/api/v1/agents/gov_drift/context/governance.state/drift", key).body();
        assertThat(hashDrift.get("status").asString()).isEqualTo("hash_drift");
        assertThat(hashDrift.at("/hash/match").asBoolean()).isFalse();
        assertThat(hashDrift.at("/hash/stored").asString()).isNotEqualTo(hashDrift.at("/hash/computed").asString());
        assertThat(ContextFiles.tree(file)).isEqualTo(tampered);
    }

    @Test
    void openApiDescribesTheContextEndpointsWithTheirErrors() {
        JsonNode docs = client.get("/v3/api-docs", null).body();
        JsonNode item = docs.at("/paths/~1api~1v1~1agents~1{id}~1context~1{type}");
        assertThat(item.at("/put/operationId").asString()).isEqualTo("putContext");
        assertThat(item.at("/get/operationId").asString()).isEqualTo("getContext");
        assertThat(item.at("/delete/operationId").asString()).isEqualTo("deleteContext");
        assertThat(docs.at("/paths/~1api~1v1~1agents~1{id}~1context/get/operationId").asString())
                .isEqualTo("listContext");
        assertThat(docs.at("/paths/~1api~1v1~1agents~1{id}~1context~1{type}~1drift/get/operationId").asString())
                .isEqualTo("getContextDrift");
        assertThat(item.at("/get").toString()).contains("CONTEXT_NOT_FOUND", "INVALID_CONTEXT_TYPE");
    }

    private static void delete(Path file) {
        try {
            Files.delete(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
