package io.govflow.durability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.govflow.store.agent.AgentStatus;
import io.govflow.store.io.StoreJson;
import io.govflow.store.knowledge.GraphIndexes;
import io.govflow.store.knowledge.KnowledgeGraph;
import io.govflow.store.knowledge.KnowledgeGraphCodec;
import io.govflow.support.ApiClient;
import io.govflow.support.ApiClient.Reply;
import io.govflow.support.ChildService;
import io.govflow.support.LongHarness;
import io.govflow.support.StoreInvariants;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Two service instances (child JVMs from the test classpath) on one data directory write the shared collaborative
 * files at the same time: nothing is lost, the knowledge graph's indexes match its nodes, every session ends as its
 * steps said, and the metadata holds both instances' resumptions.
 */
@LongHarness
class TwoInstancesCollaborationTest {

    private static final Logger log = LoggerFactory.getLogger(TwoInstancesCollaborationTest.class);
    static final String SESSIONS = "/api/v1/dialectic/sessions";
    static final int PER_INSTANCE = 200;
    static final int THREADS = 4;

    @TempDir
    static Path work;

    static Path dataDir;
    static ChildService first;
    static ChildService second;

    @BeforeAll
    static void start() throws Exception {
        dataDir = Files.createDirectories(work.resolve("data"));
        String[] args = { "--govflow.knowledge.max-stores-per-hour=1000", "--govflow.governance.loop-detection=false",
                "--govflow.governance.enforce-pause=true", "--govflow.dialectic.reviewer-min-age=0s",
                "--govflow.dialectic.reviewer-min-updates=0", "--logging.level.root=WARN" };
        first = new ChildService(dataDir, work.resolve("first.log"), args).start();
        second = new ChildService(dataDir, work.resolve("second.log"), args).start();
    }

    @AfterAll
    static void stop() {
        // a graceful shutdown of both leaves every checkpoint at its log
        first.stop();
        second.stop();
        first.close();
        second.close();
        new StoreInvariants(dataDir).assertHold();
    }

    @Test
    void twoInstancesStoreFourHundredDiscoveriesWithoutLosingOne() throws Exception {
        String keyA = first.client().register("kg_writer_a");
        String keyB = second.client().register("kg_writer_b");

        List<Callable<List<Integer>>> work = new ArrayList<>();
        addStores(work, first.client(), "kg_writer_a", keyA);
        addStores(work, second.client(), "kg_writer_b", keyB);
        List<Integer> statuses = new ArrayList<>();
        long start = System.nanoTime();
        runAll(work).forEach(statuses::addAll);
        log.info("{} discoveries stored by two instances in {} ms", 2 * PER_INSTANCE,
                (System.nanoTime() - start) / 1_000_000);
        assertThat(statuses).hasSize(2 * PER_INSTANCE).containsOnly(201);

        StoreJson json = new StoreJson();
        byte[] bytes = Files.readAllBytes(dataDir.resolve("knowledge_graph.json"));
        KnowledgeGraph graph = new KnowledgeGraphCodec(json).parse(bytes);
        assertThat(graph.size()).isEqualTo(2 * PER_INSTANCE);
        assertThat(GraphIndexes.ids(graph.indexes().byAgent(), "kg_writer_a")).hasSize(PER_INSTANCE);
        assertThat(GraphIndexes.ids(graph.indexes().byAgent(), "kg_writer_b")).hasSize(PER_INSTANCE);
        ObjectNode written = json.parseObject(bytes);
        assertThat(written.get("indexes")).isEqualTo(json.parseObject(new KnowledgeGraphCodec(json).format(graph))
                .get("indexes"));
        for (ChildService instance : List.of(first, second)) {
            JsonNode stats = instance.client().get("/api/v1/discoveries/stats", keyA).body();
            assertThat(stats.get("total_discoveries").asInt()).isEqualTo(2 * PER_INSTANCE);
        }
    }

    @Test
    void twoInstancesDriveTwentyStepsEachOnDifferentSessions() throws Exception {
        ApiClient setup = first.client();
        Map<String, String> keys = new HashMap<>();
        List<String> sessions = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String paused = "paused_peer_" + i;
            String reviewer = "review_peer_" + i;
            keys.put(paused, setup.register(paused));
            keys.put(reviewer, setup.register(reviewer));
            pauseByBlockedReview(setup, paused, keys.get(paused), reviewer, keys.get(reviewer));
            Reply created = setup.post(SESSIONS, keys.get(paused), Map.of("agent_id", paused, "reviewer_agent_id",
                    reviewer));
            assertThat(created.status()).as(created.raw()).isEqualTo(201);
            sessions.add(created.body().get("session_id").asString());
        }

        List<Callable<List<Integer>>> drivers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ApiClient client = (i % 2 == 0 ? first : second).client();
            String sid = sessions.get(i);
            String paused = keys.get("paused_peer_" + i);
            String reviewer = keys.get("review_peer_" + i);
            drivers.add(() -> drive(client, sid, paused, reviewer));
        }
        List<Integer> statuses = new ArrayList<>();
        long start = System.nanoTime();
        List<List<Integer>> results = runAll(drivers);
        log.info("40 review steps on 10 sessions by two instances in {} ms", (System.nanoTime() - start) / 1_000_000);
        for (List<Integer> perSession : results) {
            statuses.addAll(perSession);
        }
        assertThat(statuses).hasSize(40).containsOnly(200);

        StoreJson json = new StoreJson();
        for (String sid : sessions) {
            JsonNode file = json.parseObject(Files.readAllBytes(dataDir.resolve("dialectic_sessions/" + sid + ".json")));
            assertThat(file.get("phase").asString()).isEqualTo("resolved");
            assertThat(file.get("transcript").size()).isEqualTo(4);
            assertThat(file.get("resolution").get("action").asString()).isEqualTo("resume");
        }
        StoreInvariants invariants = new StoreInvariants(dataDir);
        for (int i = 0; i < 10; i++) {
            var record = invariants.agents().get("paused_peer_" + i);
            assertThat(record.status()).isEqualTo(AgentStatus.ACTIVE);
            var last = record.lifecycleEvents().get(record.lifecycleEvents().size() - 1);
            assertThat(last.event()).isEqualTo("resumed");
            assertThat(last.conditions()).containsExactly("Verify tool output before acting");
        }
        invariants.assertCheckpointsNotAhead();
    }

    private static void addStores(List<Callable<List<Integer>>> work, ApiClient client, String agentId,
            String key) {
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            work.add(() -> {
                List<Integer> statuses = new ArrayList<>();
                for (int n = 0; n < PER_INSTANCE / THREADS; n++) {
                    statuses.add(client.post("/api/v1/discoveries", key, Map.of("agent_id", agentId, "type",
                            "insight", "summary", agentId + " finding " + thread + "-" + n, "tags",
                            List.of("shared", "thread-" + thread))).status());
                }
                return statuses;
            });
        }
    }

    private static List<Integer> drive(ApiClient client, String sid, String pausedKey, String reviewerKey) {
        Map<String, Object> agree = Map.of("agrees", true, "root_cause", "Stale tool output",
                "proposed_conditions", List.of("Verify tool output before acting"));
        List<Integer> statuses = new ArrayList<>();
        statuses.add(client.post(SESSIONS + "/" + sid + "/thesis", pausedKey, Map.of("root_cause",
                "Stale tool output")).status());
        statuses.add(client.post(SESSIONS + "/" + sid + "/antithesis", reviewerKey, Map.of("reasoning", "ok"))
                .status());
        statuses.add(client.post(SESSIONS + "/" + sid + "/synthesis", pausedKey, agree).status());
        statuses.add(client.post(SESSIONS + "/" + sid + "/synthesis", reviewerKey, agree).status());
        return statuses;
    }

    /**
     * Pauses the agent by a review whose agreed conditions break a hard limit (a block): its metrics stay safe, so
     * the review driven afterwards can resume it (a resume still passes the resume safety check).
     */
    private static void pauseByBlockedReview(ApiClient client, String agentId, String key, String reviewer,
            String reviewerKey) {
        Reply created = client.post(SESSIONS, key, Map.of("agent_id", agentId, "reviewer_agent_id", reviewer));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String sid = created.body().get("session_id").asString();
        Map<String, Object> unsafe = Map.of("agrees", true, "root_cause", "The breaker trips too often",
                "proposed_conditions", List.of("Disable the circuit breaker for this agent"));
        List<Reply> steps = List.of(
                client.post(SESSIONS + "/" + sid + "/thesis", key, Map.of("root_cause", "The breaker trips too often")),
                client.post(SESSIONS + "/" + sid + "/antithesis", reviewerKey, Map.of("reasoning", "No")),
                client.post(SESSIONS + "/" + sid + "/synthesis", key, unsafe),
                client.post(SESSIONS + "/" + sid + "/synthesis", reviewerKey, unsafe));
        steps.forEach(step -> assertThat(step.status()).as(step.raw()).isEqualTo(200));
        Reply agent = client.get("/api/v1/agents/" + agentId, key);
        assertThat(agent.body().at("/agent/status").asString()).as(agent.raw()).isEqualTo("paused");
    }

    private static <T> List<T> runAll(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            List<Future<T>> futures = pool.invokeAll(tasks);
            List<T> out = new ArrayList<>();
            for (Future<T> future : futures) {
                out.add(future.get());
            }
            return out;
        } finally {
            pool.shutdown();
        }
    }
}
