package io.govflow.flow.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import io.govflow.store.io.StoreJson;
import io.govflow.support.ApiClient;
import io.govflow.support.BeforeAppStart;
import io.govflow.support.FileTree;
import io.govflow.support.GovflowApp;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The reference server's session files and knowledge graph are served as they are (28 sessions, 46 discoveries),
 * unknown fields included, and reads never rewrite them.
 */
@GovflowApp(fixture = "reference-data",
        args = "--govflow.security.admin-token=" + ReferenceCollaborationHttpTest.ADMIN)
class ReferenceCollaborationHttpTest {

    static final String ADMIN = "reference-admin-token";
    static final StoreJson JSON = new StoreJson();

    static Path data;
    static ApiClient client;
    static Map<String, String> before;
    static JsonNode graph;

    @BeforeAppStart
    static void readTheFilesAsCopied(Path dataDir) throws Exception {
        data = dataDir;
        graph = JSON.parseObject(Files.readAllBytes(data.resolve("knowledge_graph.json")));
        before = collaborationFiles();
    }

    static Map<String, String> collaborationFiles() {
        Map<String, String> files = FileTree.fingerprint(data.resolve("dialectic_sessions"));
        files.put("knowledge_graph.json", FileTree.fingerprint(data).get("knowledge_graph.json"));
        return files;
    }

    @Test
    void everySessionIsServedWithEveryFieldOfItsFile() throws Exception {
        List<Path> files;
        try (Stream<Path> listing = Files.list(data.resolve("dialectic_sessions"))) {
            files = listing.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).hasSize(28);
        for (Path file : files) {
            JsonNode original = JSON.parseObject(Files.readAllBytes(file));
            String sid = original.get("session_id").asString();
            JsonNode reply = client.get("/api/v1/dialectic/sessions/" + sid, ADMIN).body();
            JsonNode served = reply.get("session");
            original.properties().forEach(field -> assertThat(served.get(field.getKey()))
                    .as(sid + " " + field.getKey()).isEqualTo(field.getValue()));
            boolean terminal = Set.of("resolved", "failed", "escalated").contains(original.get("phase").asString());
            assertThat(reply.get("expired").asBoolean()).as(sid).isEqualTo(!terminal);
        }
        JsonNode known = JSON.parseObject(Files.readAllBytes(data.resolve("dialectic_sessions/145b7453bec47a77.json")));
        String agent = known.get("paused_agent_id").asString();
        long involving = countSessionsInvolving(files, agent);
        JsonNode listed = client.get("/api/v1/agents/" + agent + "/dialectic-sessions", ADMIN).body();
        assertThat(listed.get("count").asInt()).isEqualTo((int) involving).isPositive();
        assertThat(listed.get("sessions").findValuesAsString("session_id")).contains("145b7453bec47a77");
        assertThat(collaborationFiles()).isEqualTo(before);
    }

    @Test
    void theGraphIsServedAndSearchableAsTheFileHoldsIt() {
        JsonNode nodes = graph.get("nodes");
        JsonNode all = client.get("/api/v1/discoveries?limit=100", ADMIN).body();
        assertThat(all.get("count").asInt()).isEqualTo(46);
        all.get("discoveries").forEach(d -> assertThat(d).isEqualTo(nodes.get(d.get("id").asString())));
        assertThat(client.get("/api/v1/discoveries/stats", ADMIN).body().get("total_discoveries").asInt())
                .isEqualTo(46);

        assertThat(ids("tags=coherence")).isEqualTo(matching(n -> n.get("tags").toString().contains("\"coherence\"")));
        assertThat(ids("type=improvement")).hasSize(10).isEqualTo(matching(n -> is(n, "type", "improvement")));
        assertThat(ids("type=dialectic_synthesis")).hasSize(1);
        assertThat(ids("severity=high")).hasSize(3).isEqualTo(matching(n -> is(n, "severity", "high")));
        assertThat(ids("status=archived")).hasSize(9).isEqualTo(matching(n -> is(n, "status", "archived")));
        assertThat(ids("status=resolved&severity=low")).isEqualTo(matching(n -> is(n, "status", "resolved")
                && is(n, "severity", "low")));

        List<String> ranked = orderedIds("q=" + URLEncoder.encode("cold start onboarding", StandardCharsets.UTF_8));
        assertThat(Set.copyOf(ranked)).isEqualTo(matching(n -> tokens(n).contains("cold")
                || tokens(n).contains("start") || tokens(n).contains("onboarding")));
        assertThat(ranked.get(0)).isEqualTo("2025-11-28T04:10:24.346843");

        String id = "2025-11-28T04:10:24.346843";
        assertThat(client.get("/api/v1/discoveries/" + id, ADMIN).body().get("discovery")).isEqualTo(nodes.get(id));
        assertThat(client.get("/api/v1/discoveries/" + id + "/similar", ADMIN).body().get("similar").size())
                .isGreaterThan(0);
        assertThat(collaborationFiles()).isEqualTo(before);
        assertThat(Files.exists(data.resolve(".knowledge_graph.lock"))).isFalse();
    }

    private static long countSessionsInvolving(List<Path> files, String agent) throws Exception {
        long count = 0;
        for (Path file : files) {
            JsonNode session = JSON.parseObject(Files.readAllBytes(file));
            if (agent.equals(session.get("paused_agent_id").asString())
                    || agent.equals(session.get("reviewer_agent_id").asString())) {
                count++;
            }
        }
        return count;
    }

    private static boolean is(JsonNode node, String field, String value) {
        return node.get(field).isString() && node.get(field).asString().equals(value);
    }

    private static Set<String> tokens(JsonNode node) {
        String text = node.get("summary").asString() + " " + node.get("details").asString() + " "
                + node.get("tags").toString();
        return new HashSet<>(List.of(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")));
    }

    private static Set<String> ids(String query) {
        return new HashSet<>(orderedIds(query));
    }

    private static List<String> orderedIds(String query) {
        JsonNode reply = client.get("/api/v1/discoveries?limit=100&" + query, ADMIN).body();
        List<String> out = new ArrayList<>();
        reply.get("discoveries").forEach(d -> out.add(d.get("id").asString()));
        return out;
    }

    private static Set<String> matching(java.util.function.Predicate<JsonNode> predicate) {
        Set<String> out = new HashSet<>();
        graph.get("nodes").properties().forEach(e -> {
            if (predicate.test(e.getValue())) {
                out.add(e.getKey());
            }
        });
        return out;
    }
}
