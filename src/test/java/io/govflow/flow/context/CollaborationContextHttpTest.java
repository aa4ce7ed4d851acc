package io.govflow.flow.context;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.govflow.support.ApiClient;
import io.govflow.support.ApiClient.Reply;
import io.govflow.support.DataDir;
import io.govflow.support.FileTree;
import io.govflow.support.GovflowApp;
import io.govflow.support.RunningApp;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code governance.knowledge} and {@code governance.dialectic}: derived on read from the knowledge graph and the
 * session files (which never write context documents themselves), their fallbacks, and discoveries answering the
 * semantic fallback.
 */
@GovflowApp(args = {"--govflow.governance.loop-detection=false", "--govflow.dialectic.reviewer-wait=0s",
        "--govflow.dialectic.reviewer-min-age=0s", "--govflow.dialectic.reviewer-min-updates=0"})
class CollaborationContextHttpTest {

    static final String SESSIONS = "/api/v1/dialectic/sessions";

    @DataDir
    static Path dataDir;

    static ApiClient client;
    static RunningApp app;

    // ---- governance.knowledge -------------------------------------------------------------------------------

    @Test
    void knowledgeShowsTheAgentsDiscoveriesAndRelevantOnesAndFollowsTheGraph() {
        String key = client.register("kc_owner");
        String peerKey = client.register("kc_peer");
        String strangerKey = client.register("kc_stranger");
        String bug = discover(key, "kc_owner", "bug_found", "Lock files pile up under load", "high",
                List.of("locks", "cleanup"));
        discover(key, "kc_owner", "insight", "Exports are faster in batches", "low", List.of("export"));
        String peers = discover(peerKey, "kc_peer", "pattern", "Stale locks after SIGKILL", "medium",
                List.of("locks"));

        Reply first = read("kc_owner", key, "governance.knowledge?view=full");
        assertServed(first, "canonical_store", "missing");
        JsonNode doc = first.body().get("document");
        assertThat(doc.get("src").asString()).isEqualTo("govflow.knowledge_graph");
        assertThat(doc.at("/d/discoveries/total").asInt()).isEqualTo(2);
        assertThat(doc.at("/d/open_by_severity/high/0/id").asString()).isEqualTo(bug);
        assertThat(doc.at("/d/open_by_severity/low/0/summary").asString()).isEqualTo("Exports are faster in batches");
        assertThat(doc.at("/d/relevant/0/id").asString()).isEqualTo(peers);
        assertThat(doc.at("/d/relevant/0/agent_id").asString()).isEqualTo("kc_peer");
        assertThat(doc.at("/d/relevant/0/shared_tags").toString()).isEqualTo("[\"locks\"]");
        assertThat(doc.at("/d/as_of/discoveries").asInt()).isEqualTo(2);
        assertThat(doc.at("/d/as_of/digest").asString()).startsWith("sha256:");
        assertThat(doc.at("/s/open").asInt()).isEqualTo(2);
        assertThat(doc.at("/s/top_open/0/severity").asString()).isEqualTo("high");
        assertThat(doc.at("/s/relevant").asInt()).isEqualTo(1);
        assertThat(strings(doc.at("/m/q"))).contains("knowledge", "locks");
        assertThat(doc.at("/dc/related_documents/0/t").asString()).isEqualTo("governance.dialectic");
        assertServed(read("kc_owner", key, "governance.knowledge"), "flat_file", null);

        Path workspace = dataDir.resolve("workspace");
        Map<String, String> before = FileTree.fingerprint(workspace);
        discover(strangerKey, "kc_stranger", "question", "Which colour for the dashboard?", null,
                List.of("design"));
        assertServed(read("kc_owner", key, "governance.knowledge"), "flat_file", null);
        discover(peerKey, "kc_peer", "bug_found", "Cleanup removes live locks", "critical",
                List.of("locks", "cleanup"));
        assertThat(FileTree.fingerprint(workspace)).isEqualTo(before);
        Reply afterPeer = read("kc_owner", key, "governance.knowledge?view=full");
        assertServed(afterPeer, "canonical_store", "source_changed");
        assertThat(afterPeer.body().at("/document/d/relevant/0/summary").asString())
                .isEqualTo("Cleanup removes live locks");
        assertThat(afterPeer.body().at("/document/d/relevant/0/shared_tags")).hasSize(2);
        assertThat(afterPeer.body().at("/document/s/relevant").asInt()).isEqualTo(2);

        before = FileTree.fingerprint(workspace);
        assertThat(client.send("PATCH", "/api/v1/discoveries/" + bug, key, Map.of("status", "resolved"), Map.of())
                .status()).isEqualTo(200);
        assertThat(FileTree.fingerprint(workspace)).isEqualTo(before);
        Reply afterFix = read("kc_owner", key, "governance.knowledge");
        assertServed(afterFix, "canonical_store", "source_changed");
        assertThat(afterFix.body().at("/document/s/open").asInt()).isEqualTo(1);
        assertThat(afterFix.body().at("/document/s/top_open/0/severity").asString()).isEqualTo("low");
        assertThat(afterFix.body().at("/document/s/relevant").asInt()).isZero();
    }

    @Test
    void knowledgeFallsBackToTheGraphWhenTheFileIsDeletedCorruptTamperedOrStale() {
        String key = client.register("kc_fallback");
        discover(key, "kc_fallback", "bug_found", "Retry storm on timeouts", "high", List.of("retry"));
        assertFallbacks("kc_fallback", key, "governance.knowledge", "/d/open_by_severity/high/0/summary",
                "/d/as_of/discoveries");
    }

    // ---- governance.dialectic -------------------------------------------------------------------------------

    @Test
    void dialecticFollowsEachStepOfAReviewToItsResolution() {
        String key = client.register("dc_stuck");
        String reviewerKey = client.register("dc_reviewer");
        String sid = createSession(key, "dc_stuck", "dc_reviewer");

        Reply first = read("dc_stuck", key, "governance.dialectic?view=full");
        assertServed(first, "canonical_store", "missing");
        JsonNode doc = first.body().get("document");
        assertThat(doc.get("src").asString()).isEqualTo("govflow.dialectic");
        assertThat(doc.at("/d/sessions/total").asInt()).isEqualTo(1);
        assertThat(doc.at("/d/open/0/session_id").asString()).isEqualTo(sid);
        assertThat(doc.at("/d/open/0/phase").asString()).isEqualTo("thesis");
        assertThat(doc.at("/d/open/0/role").asString()).isEqualTo("paused_agent");
        assertThat(doc.at("/d/open/0/your_turn").asBoolean()).isTrue();
        assertThat(doc.at("/d/open/0/next_step").asString()).contains("/thesis");
        assertThat(doc.at("/d/last_resolution").isNull()).isTrue();
        assertThat(doc.at("/s/open").asInt()).isEqualTo(1);
        assertThat(doc.at("/s/your_turn").asInt()).isEqualTo(1);
        JsonNode reviewerView = read("dc_reviewer", reviewerKey, "governance.dialectic").body().at("/document/s");
        assertThat(reviewerView.at("/open_sessions/0/role").asString()).isEqualTo("reviewer");
        assertThat(reviewerView.get("your_turn").asInt()).isZero();
        assertServed(read("dc_stuck", key, "governance.dialectic"), "flat_file", null);

        Path workspace = dataDir.resolve("workspace");
        Map<String, String> before = FileTree.fingerprint(workspace);
        move(sid, "thesis", key, Map.of("root_cause", "A flaky tool", "proposed_conditions",
                List.of("Verify tool output before acting"), "reasoning", "One bad input"));
        assertThat(FileTree.fingerprint(workspace)).isEqualTo(before);
        Reply afterThesis = read("dc_stuck", key, "governance.dialectic?view=full");
        assertServed(afterThesis, "canonical_store", "source_changed");
        assertThat(afterThesis.body().at("/document/d/open/0/phase").asString()).isEqualTo("antithesis");
        assertThat(afterThesis.body().at("/document/s/your_turn").asInt()).isZero();
        assertServed(read("dc_stuck", key, "governance.dialectic"), "flat_file", null);

        before = FileTree.fingerprint(workspace);
        List<String> agreed = List.of("Verify tool output before acting", "Keep complexity below 0.5");
        move(sid, "antithesis", reviewerKey, Map.of("observed_metrics", Map.of("coherence", 0.5), "concerns",
                List.of("Attention is high"), "reasoning", "Plausible"));
        Map<String, Object> synthesis = Map.of("agrees", true, "proposed_conditions", agreed, "root_cause",
                "A flaky tool", "reasoning", "Agreed");
        move(sid, "synthesis", key, synthesis);
        JsonNode resolved = move(sid, "synthesis", reviewerKey, synthesis);
        assertThat(resolved.get("phase").asString()).isEqualTo("resolved");
        assertThat(FileTree.fingerprint(workspace)).isEqualTo(before);

        Reply afterResolution = read("dc_stuck", key, "governance.dialectic?view=full");
        assertServed(afterResolution, "canonical_store", "source_changed");
        JsonNode d = afterResolution.body().at("/document/d");
        assertThat(d.get("open")).isEmpty();
        assertThat(d.at("/sessions/resolved").asInt()).isEqualTo(1);
        assertThat(d.at("/last_resolution/session_id").asString()).isEqualTo(sid);
        assertThat(d.at("/last_resolution/action").asString()).isEqualTo("resume");
        assertThat(strings(d.at("/last_resolution/conditions"))).containsExactlyElementsOf(agreed);
        assertThat(d.at("/last_resolution/resolution/signature_a").isMissingNode()).isTrue();
        assertThat(strings(d.at("/conditions/conditions"))).containsExactlyElementsOf(agreed);
        assertThat(d.at("/recent/0/phase").asString()).isEqualTo("resolved");
        JsonNode s = afterResolution.body().at("/document/s");
        assertThat(s.get("open").asInt()).isZero();
        assertThat(s.at("/last_resolution/action").asString()).isEqualTo("resume");
        assertThat(strings(s.get("conditions"))).containsExactlyElementsOf(agreed);
        JsonNode reviewerAfter = read("dc_reviewer", reviewerKey, "governance.dialectic?view=full").body();
        assertThat(reviewerAfter.at("/document/d/last_resolution/role").asString()).isEqualTo("reviewer");
        assertThat(reviewerAfter.at("/document/d/conditions").isNull()).isTrue();
    }

    @Test
    void dialecticFallsBackToTheSessionFilesWhenTheFileIsDeletedCorruptTamperedOrStale() {
        String key = client.register("dc_fallback");
        client.register("dc_fallback_reviewer");
        createSession(key, "dc_fallback", "dc_fallback_reviewer");
        assertFallbacks("dc_fallback", key, "governance.dialectic", "/d/open/0/phase", "/d/as_of/sessions");
    }

    @Test
    void aSessionRunningOutOfTimeShowsOnTheNextReadThoughNoFileChanged() {
        String key = client.register("dc_waiting");
        String reviewerKey = client.register("dc_leaving");
        String sid = createSession(key, "dc_waiting", "dc_leaving");
        move(sid, "thesis", key, Map.of("root_cause", "A flaky tool", "reasoning", "One bad input"));
        JsonNode waiting = read("dc_waiting", key, "governance.dialectic?view=full").body().at("/document");
        assertThat(waiting.at("/d/open/0/expired").asBoolean()).isFalse();
        assertThat(waiting.at("/s/open").asInt()).isEqualTo(1);

        assertThat(client.post("/api/v1/agents/dc_leaving/archive", reviewerKey, Map.of("reason", "away"))
                .status()).isEqualTo(200);
        Map<String, String> sessions = FileTree.fingerprint(dataDir.resolve("dialectic_sessions"));
        Reply expired = read("dc_waiting", key, "governance.dialectic?view=full");
        assertServed(expired, "canonical_store", "source_changed");
        assertThat(expired.body().at("/document/d/open/0/expired").asBoolean()).isTrue();
        assertThat(expired.body().at("/document/d/open/0/expiry_reason").asString())
                .isEqualTo("reviewer_unavailable");
        assertThat(expired.body().at("/document/s/open").asInt()).isZero();
        assertThat(expired.body().at("/document/s/expired").asInt()).isEqualTo(1);
        assertThat(FileTree.fingerprint(dataDir.resolve("dialectic_sessions"))).isEqualTo(sessions);
        assertServed(read("dc_waiting", key, "governance.dialectic"), "flat_file", null);
    }

    @Test
    void resolutionTreesFromSessionFilesAreRedacted() throws IOException {
        String key = client.register("dc_legacy");
        String session = """
                {"session_id": "00000000000000aa", "paused_agent_id": "dc_legacy", "reviewer_agent_id": "someone",
                 "phase": "resolved", "synthesis_round": 2, "transcript": [], "created_at": "2025-12-10T08:00:00.000000",
                 "resolution": {"status": "resolved", "outcome": "consensus", "resolved_at": "2025-12-10T08:45:00.000000",
                  "final_conditions": ["Document the gap"], "api_key": "sk-live-123",
                  "notes": {"operator": "ops", "password": "hunter2", "max_tokens": 512}}}
                """;
        Path sessions = Files.createDirectories(dataDir.resolve("dialectic_sessions"));
        Files.writeString(sessions.resolve("00000000000000aa.json"), session);

        Reply reply = read("dc_legacy", key, "governance.dialectic?view=full");
        assertServed(reply, "canonical_store", "missing");
        JsonNode doc = reply.body().get("document");
        assertThat(doc.at("/d/last_resolution/action").asString()).isEqualTo("consensus");
        assertThat(doc.at("/d/last_resolution/ts").asString()).isEqualTo("2025-12-10T08:45:00.000000");
        assertThat(doc.at("/d/conditions").isNull()).as("only a resume binds conditions").isTrue();
        assertThat(strings(doc.at("/d/last_resolution/conditions"))).containsExactly("Document the gap");
        assertThat(doc.at("/d/last_resolution/resolution/api_key").asString()).isEqualTo("[REDACTED]");
        assertThat(doc.at("/d/last_resolution/resolution/notes/password").asString()).isEqualTo("[REDACTED]");
        assertThat(doc.at("/d/last_resolution/resolution/notes/max_tokens").asInt()).isEqualTo(512);
        assertThat(doc.at("/m/red").asInt()).isEqualTo(2);
        assertThat(ContextFiles.bytes(ContextFiles.document(dataDir, "dc_legacy", "governance.dialectic")))
                .asString().doesNotContain("sk-live-123", "hunter2");
    }

    // ---- lock-free reads ------------------------------------------------------------------------------------

    @Test
    void readsTakeNoLockAndWriteNothingOutsideTheTenantsContextDirectory() {
        String key = client.register("rc_reader");
        client.register("rc_other");
        discover(key, "rc_reader", "insight", "Reads are cheap", "low", List.of("reads"));
        createSession(key, "rc_reader", "rc_other");
        // checkpoints of earlier updates are written now, not in the middle of the comparison
        app.flushCheckpoints();
        Map<String, String> outside = outsideWorkspace();

        for (String type : List.of("governance.knowledge", "governance.dialectic")) {
            read("rc_reader", key, type);
        }
        assertThat(outsideWorkspace()).isEqualTo(outside);
        Map<String, String> everything = FileTree.fingerprint(dataDir);
        for (String type : List.of("governance.knowledge", "governance.dialectic")) {
            assertServed(read("rc_reader", key, type), "flat_file", null);
            client.get("/api/v1/agents/rc_reader/context/" + type + "/drift", key);
        }
        assertThat(FileTree.fingerprint(dataDir)).isEqualTo(everything);
    }

    // ---- semantic fallback over discoveries -----------------------------------------------------------------

    @Test
    void theSemanticFallbackAnswersFromDiscoveriesButNeverFromAnotherTenantsDocuments() {
        String key = client.register("sf_reader");
        String finderKey = client.register("sf_finder");
        String otherKey = client.register("sf_other");
        String found = discover(finderKey, "sf_finder", "improvement",
                "Rollback checklist for zeppelin deployments", "medium", List.of("zeppelin", "rollback"));
        assertThat(client.send("PUT", "/api/v1/agents/sf_other/context/private.zeppelin", otherKey,
                Map.of("src", "other", "d", Map.of("plan", "zeppelin rollback secret plan"), "q",
                        List.of("zeppelin", "rollback")), Map.of()).status()).isEqualTo(201);
        assertThat(client.send("PUT", "/api/v1/agents/sf_reader/context/ops.runbook", key,
                Map.of("src", "reader", "d", Map.of("steps", List.of("page", "fix")), "q",
                        List.of("zeppelin rollback")), Map.of()).status()).isEqualTo(201);
        ContextFiles.write(ContextFiles.document(dataDir, "sf_reader", "ops.runbook"), "{broken");

        Reply answer = read("sf_reader", key, "ops.runbook?view=full");
        assertThat(answer.body().get("source").asString()).isEqualTo("semantic");
        assertThat(answer.body().get("stale").asBoolean()).isTrue();
        assertThat(answer.body().get("fallback_reason").asString()).isEqualTo("corrupt");
        JsonNode s = answer.body().at("/document/s");
        assertThat(s.at("/hits/0/kind").asString()).isEqualTo("discovery");
        assertThat(s.at("/hits/0/ref").asString()).isEqualTo(found);
        assertThat(strings(s.at("/hits/0/matched"))).containsExactlyInAnyOrder("zeppelin", "rollback");
        assertThat(strings(s.get("sources"))).containsExactly("discovery");
        assertThat(answer.body().at("/document/d/hits/0/s/agent_id").asString()).isEqualTo("sf_finder");
        assertThat(answer.body().at("/document/d/hits/0/s/summary").asString()).startsWith("Rollback checklist");
        assertThat(answer.raw()).doesNotContain("private.zeppelin", "secret plan");

        Reply byQuery = read("sf_reader", key, "ops.runbook?q=zeppelin");
        assertThat(byQuery.body().at("/document/s/hits/0/ref").asString()).isEqualTo(found);
        assertThat(byQuery.raw()).doesNotContain("private.zeppelin");
        Reply nothing = client.get("/api/v1/agents/sf_reader/context/ops.runbook?q=walrus", key);
        assertThat(nothing.status()).isEqualTo(404);
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    /** Delete, corrupt, tamper with and stale the document: each time the source serves it and it is rewritten. */
    private static void assertFallbacks(String agent, String key, String type, String shown, String asOfCount) {
        read(agent, key, type);
        Path file = ContextFiles.document(dataDir, agent, type);
        ObjectNode good = ContextFiles.tree(file);
        assertServed(read(agent, key, type), "flat_file", null);

        delete(file);
        assertServed(read(agent, key, type), "canonical_store", "missing");
        assertThat(ContextFiles.tree(file).get("d")).isEqualTo(good.get("d"));
        assertServed(read(agent, key, type), "flat_file", null);

        ContextFiles.write(file, "{\"v\":\"1.1\",\"t\":\"" + type);
        assertServed(read(agent, key, type), "canonical_store", "corrupt");
        assertThat(ContextFiles.tree(file).get("d")).isEqualTo(good.get("d"));

        ObjectNode tampered = ContextFiles.tree(file);
        ((ObjectNode) tampered.at(parent(shown))).put(last(shown), "tampered value");
        ContextFiles.write(file, tampered.toString());
        Reply afterTamper = read(agent, key, type + "?view=full");
        assertServed(afterTamper, "canonical_store", "hash_mismatch");
        assertThat(afterTamper.body().at("/document" + shown)).isEqualTo(good.at(shown));
        assertThat(ContextFiles.tree(file).get("d")).isEqualTo(good.get("d"));

        ObjectNode stale = ContextFiles.tree(file);
        ((ObjectNode) stale.at(parent(asOfCount))).put(last(asOfCount), 99);
        ((ObjectNode) stale.get("m")).put("h", ContextFiles.canonicalHash(stale.get("d")));
        ContextFiles.write(file, stale.toString());
        assertServed(read(agent, key, type), "canonical_store", "source_changed");
        assertThat(ContextFiles.tree(file).get("d")).isEqualTo(good.get("d"));
        assertServed(read(agent, key, type), "flat_file", null);
    }

    static Reply read(String agent, String key, String typeAndQuery) {
        Reply reply = client.get("/api/v1/agents/" + agent + "/context/" + typeAndQuery, key);
        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        assertThat(reply.headers().firstValue("X-Context-Source")).hasValue(reply.body().get("source").asString());
        return reply;
    }

    static void assertServed(Reply reply, String source, String reason) {
        assertThat(reply.body().get("source").asString()).as(reply.raw()).isEqualTo(source);
        assertThat(reply.body().get("stale").asBoolean()).isFalse();
        JsonNode fallback = reply.body().get("fallback_reason");
        assertThat(fallback.isNull() ? null : fallback.asString()).isEqualTo(reason);
    }

    static String discover(String key, String agent, String type, String summary, String severity,
            List<String> tags) {
        Map<String, Object> body = new HashMap<>(Map.of("agent_id", agent, "type", type, "summary", summary,
                "tags", tags));
        if (severity != null) {
            body.put("severity", severity);
        }
        Reply reply = client.post("/api/v1/discoveries", key, body);
        assertThat(reply.status()).as(reply.raw()).isEqualTo(201);
        return reply.body().get("discovery_id").asString();
    }

    static String createSession(String key, String agent, String reviewer) {
        Reply reply = client.post(SESSIONS, key, Map.of("agent_id", agent, "reviewer_agent_id", reviewer,
                "reason", "Stuck on a flaky tool"));
        assertThat(reply.status()).as(reply.raw()).isEqualTo(201);
        return reply.body().get("session_id").asString();
    }

    static JsonNode move(String sid, String step, String key, Object body) {
        Reply reply = client.post(SESSIONS + "/" + sid + "/" + step, key, body);
        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        return reply.body();
    }

    /** Every file of the data directory outside {@code workspace/}. */
    private static Map<String, String> outsideWorkspace() {
        Map<String, String> out = new TreeMap<>(FileTree.fingerprint(dataDir));
        out.keySet().removeIf(path -> path.startsWith("workspace"));
        return out;
    }

    static List<String> strings(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }

    private static String parent(String pointer) {
        return pointer.substring(0, pointer.lastIndexOf('/'));
    }

    private static String last(String pointer) {
        return pointer.substring(pointer.lastIndexOf('/') + 1);
    }

    private static void delete(Path file) {
        try {
            Files.delete(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
