package io.govflow.flow.context;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import io.govflow.store.io.StoreJson;
import io.govflow.support.ApiClient;
import io.govflow.support.ApiClient.Reply;
import io.govflow.support.DataDir;
import io.govflow.support.FileTree;
import io.govflow.support.GovflowApp;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code governance.knowledge} and {@code governance.dialectic} of every agent of the reference data (its graph of 46
 * discoveries and 28 session files, read as they are): the counts match the files, and the files are never changed.
 */
@GovflowApp(fixture = "reference-data", args = "--govflow.security.admin-token=" + ReferenceContextHttpTest.ADMIN)
class ReferenceContextHttpTest {

    static final String ADMIN = "reference-context-admin-token";
    static final StoreJson JSON = new StoreJson();
    static final Set<String> UNRESOLVED = Set.of("open", "disputed");

    @DataDir
    static Path data;

    static ApiClient client;

    @Test
    void everyAgentsDocumentsCountWhatTheFilesHold() throws IOException {
        Map<String, String> before = collaborationFiles();
        JsonNode nodes = JSON.parseObject(Files.readAllBytes(data.resolve("knowledge_graph.json"))).get("nodes");
        List<String> agents = List.copyOf(JSON.parseObject(Files.readAllBytes(data.resolve("agent_metadata.json")))
                .propertyNames());
        assertThat(agents).isNotEmpty();
        int withDiscoveries = 0;
        for (String agent : agents) {
            JsonNode knowledge = read(agent, "governance.knowledge");
            long own = nodes.valueStream().filter(n -> agent.equals(n.get("agent_id").asString())).count();
            long open = nodes.valueStream().filter(n -> agent.equals(n.get("agent_id").asString())
                    && UNRESOLVED.contains(n.get("status").asString())).count();
            assertThat(knowledge.at("/d/discoveries/total").asLong()).as(agent).isEqualTo(own);
            assertThat(knowledge.at("/s/open").asLong()).as(agent).isEqualTo(open);
            withDiscoveries += own > 0 ? 1 : 0;

            JsonNode dialectic = read(agent, "governance.dialectic");
            assertThat(dialectic.at("/d/sessions/total").asInt()).as(agent).isEqualTo(involving(agent).size());
        }
        assertThat(withDiscoveries).isPositive();
        assertThat(collaborationFiles()).isEqualTo(before);
        assertThat(data.resolve(".knowledge_graph.lock")).doesNotExist();
    }

    @Test
    void theReferenceSessionsOfAnAgentAreSummarizedAndTheirOpenOnesReportedExpired() throws IOException {
        Map<String, String> before = collaborationFiles();
        String agent = registerBusiestReviewParticipant();
        List<JsonNode> involving = involving(agent);
        long terminal = involving.stream().filter(s -> Set.of("resolved", "escalated", "failed")
                .contains(s.get("phase").asString())).count();
        assertThat(involving).hasSizeGreaterThan(1);

        JsonNode dialectic = read(agent, "governance.dialectic");
        assertThat(dialectic.at("/d/sessions/total").asInt()).isEqualTo(involving.size());
        assertThat(dialectic.at("/d/sessions/open").asInt()).as("the reference sessions are long past their time")
                .isZero();
        assertThat(dialectic.at("/d/sessions/expired").asLong()).isEqualTo(involving.size() - terminal);
        assertThat(dialectic.at("/s/your_turn").asInt()).isZero();
        assertThat(collaborationFiles()).isEqualTo(before);
    }

    /** The agent of the most sessions that can be registered (the reference also used reserved generic names). */
    private static String registerBusiestReviewParticipant() throws IOException {
        Map<String, Integer> counts = new TreeMap<>();
        for (JsonNode session : sessions()) {
            counts.merge(session.get("paused_agent_id").asString(), 1, Integer::sum);
            counts.merge(session.get("reviewer_agent_id").asString(), 1, Integer::sum);
        }
        List<String> busiest = counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).map(Map.Entry::getKey).toList();
        for (String agent : busiest) {
            if (client.post("/api/v1/agents", null, Map.of("agent_id", agent)).status() == 201) {
                return agent;
            }
        }
        throw new AssertionError("no agent of the reference sessions can be registered");
    }

    private static List<JsonNode> involving(String agent) throws IOException {
        return sessions().stream().filter(s -> agent.equals(s.get("paused_agent_id").asString())
                || agent.equals(s.get("reviewer_agent_id").asString())).toList();
    }

    private static JsonNode read(String agent, String type) {
        Reply reply = client.get("/api/v1/agents/" + agent + "/context/" + type + "?view=full", ADMIN);
        assertThat(reply.status()).as(agent + " " + reply.raw()).isEqualTo(200);
        return reply.body().get("document");
    }

    private static List<JsonNode> sessions() throws IOException {
        try (Stream<Path> files = Files.list(data.resolve("dialectic_sessions"))) {
            return files.filter(p -> p.toString().endsWith(".json")).map(p -> {
                try {
                    return (JsonNode) JSON.parseObject(Files.readAllBytes(p));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
    }

    private static Map<String, String> collaborationFiles() {
        Map<String, String> files = new TreeMap<>(FileTree.fingerprint(data.resolve("dialectic_sessions")));
        files.put("knowledge_graph.json", FileTree.fingerprint(data).get("knowledge_graph.json"));
        return files;
    }
}
