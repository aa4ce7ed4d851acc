package io.govflow.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.govflow.store.io.StoreJson;
import io.govflow.store.knowledge.Discovery;
import io.govflow.store.knowledge.KnowledgeGraph;
import io.govflow.store.knowledge.KnowledgeGraphCodec;
import io.govflow.store.knowledge.KnowledgeGraphStore.Change;
import io.govflow.support.TestFiles;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.IntNode;
import tools.jackson.databind.node.ObjectNode;

/** The knowledge graph on a real PostgreSQL: lossless round trips, serialized changes, damage kept to its node. */
class PostgresKnowledgeGraphStoreTest {

    private final StoreJson json = new StoreJson();
    private final KnowledgeGraphCodec codec = new KnowledgeGraphCodec(json);
    private MigratedDatabase db;

    @TempDir
    Path temp;

    @BeforeEach
    void setUp() {
        db = MigratedDatabase.create("knowledge");
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private PostgresKnowledgeGraphStore store() {
        return new PostgresKnowledgeGraphStore(db.replica(), codec, json);
    }

    /** The reference graph file with an unknown top-level field, an unknown node field and a damaged node. */
    private ObjectNode referenceGraphWithExtras() throws Exception {
        Path data = TestFiles.copyFixture("reference-data", temp);
        ObjectNode root = json.parseObject(Files.readAllBytes(data.resolve("knowledge_graph.json")));
        root.putObject("curator").put("name", "ops").putArray("notes").add("kept");
        ObjectNode nodes = (ObjectNode) root.get("nodes");
        String first = nodes.propertyNames().iterator().next();
        ((ObjectNode) nodes.get(first)).put("x_reviewed_by", "auditor");
        nodes.putObject("2020-01-01T00:00:00.000001").put("agent_id", "agent_x").put("type", "note");
        return root;
    }

    @Test
    void theReferenceGraphRoundTripsJsonEqualThroughAnotherReplicaDamagedNodeIncluded() throws Exception {
        ObjectNode file = referenceGraphWithExtras();
        KnowledgeGraph loaded = codec.parse(json.toCompactBytes(file));
        assertThat(loaded.damaged()).containsOnlyKeys("2020-01-01T00:00:00.000001");

        store().update(empty -> new Change<>(loaded, null));
        KnowledgeGraph read = store().read();

        assertThat(read.nodes()).isEqualTo(loaded.nodes());
        assertThat(read.damaged()).containsOnlyKeys("2020-01-01T00:00:00.000001");
        assertThat((Object) json.parse(codec.format(read))).isEqualTo(json.parse(codec.format(loaded)));
        ObjectNode written = json.parseObject(codec.format(read));
        written.remove("indexes");
        file.remove("indexes");
        assertThat((Object) written).isEqualTo(file);
    }

    @Test
    void anEmptyStoreReadsAsTheEmptyGraphAndAChangeThatKeepsTheGraphWritesNothing() throws Exception {
        PostgresKnowledgeGraphStore store = store();
        assertThat(store.read().nodes()).isEmpty();
        assertThat(store.read().version()).isEqualTo(KnowledgeGraph.CURRENT_VERSION);

        String result = store.update(graph -> new Change<>(graph, "unchanged"));
        assertThat(result).isEqualTo("unchanged");
        assertThat(revision(db.replica())).isZero();
    }

    @Test
    void twoReplicasChangingTheGraphAtOnceLoseNoChange() throws Exception {
        List<PostgresKnowledgeGraphStore> replicas = List.of(store(), store());
        int threads = 6;
        int changesPerThread = 15;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                PostgresKnowledgeGraphStore replica = replicas.get(t % 2);
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < changesPerThread; i++) {
                        String id = "2025-01-01T00:00:%02d.%06d".formatted(thread, i);
                        replica.update(graph -> new Change<>(counted(graph.with(discovery(id, "agent_" + thread))),
                                null));
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        KnowledgeGraph graph = store().read();
        assertThat(graph.nodes()).hasSize(threads * changesPerThread);
        assertThat(graph.unknownFields().get("changes").asInt()).isEqualTo(threads * changesPerThread);
        assertThat(replicas.get(0).read().nodes()).isEqualTo(graph.nodes());
        assertThat(revision(db.replica())).isEqualTo(threads * changesPerThread);
    }

    @Test
    void aDamagedRowIsOnlyThatNodeAndChangesLeaveItAsStored() throws Exception {
        db.asOwner("INSERT INTO knowledge_discovery (agent_id, discovery_id, document, revision) VALUES "
                + "('agent_x', '2020-01-01T00:00:00.000001', '{\"agent_id\": \"agent_x\", \"tags\": 7}', 0)");
        PostgresKnowledgeGraphStore store = store();
        store.update(graph -> new Change<>(graph.with(discovery("2025-01-01T00:00:00.000001", "agent_a")), null));

        KnowledgeGraph graph = store().read();
        assertThat(graph.nodes()).containsOnlyKeys("2025-01-01T00:00:00.000001");
        assertThat(graph.damaged()).containsOnlyKeys("2020-01-01T00:00:00.000001");
        String stored = db.replica().read(jdbc -> jdbc.queryForObject("SELECT document::text FROM "
                + "knowledge_discovery WHERE discovery_id = '2020-01-01T00:00:00.000001'", String.class));
        assertThat((Object) json.parse(stored.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .isEqualTo(json.parse("{\"agent_id\": \"agent_x\", \"tags\": 7}".getBytes()));
    }

    @Test
    void aReplicaSeesAnotherReplicasChangeAtItsNextRead() {
        PostgresKnowledgeGraphStore a = store();
        PostgresKnowledgeGraphStore b = store();
        assertThat(b.read().nodes()).isEmpty();
        a.update(graph -> new Change<>(graph.with(discovery("2025-01-01T00:00:00.000001", "agent_a")), null));

        assertThat(b.read().nodes()).containsOnlyKeys("2025-01-01T00:00:00.000001");
        Discovery changed = b.read().nodes().get("2025-01-01T00:00:00.000001").withStatus("resolved",
                "2025-01-02T00:00:00.000000");
        b.update(graph -> new Change<>(graph.with(changed), null));
        assertThat(a.read().nodes().get("2025-01-01T00:00:00.000001")).isEqualTo(changed);
    }

    private static long revision(PostgresDatabase database) {
        return database.read(jdbc -> jdbc.queryForObject("SELECT revision FROM knowledge_graph", Long.class));
    }

    /** The graph with its "changes" counter (an unknown top-level field) incremented. */
    private static KnowledgeGraph counted(KnowledgeGraph graph) {
        JsonNode count = graph.unknownFields().get("changes");
        Map<String, JsonNode> unknown = new TreeMap<>(graph.unknownFields());
        unknown.put("changes", IntNode.valueOf(count == null ? 1 : count.asInt() + 1));
        SortedMap<String, Discovery> nodes = new TreeMap<>(graph.nodes());
        return new KnowledgeGraph(graph.version(), nodes, unknown, new TreeMap<>(graph.damaged()));
    }

    static Discovery discovery(String id, String agentId) {
        return new Discovery(id, agentId, "insight", "summary of " + id, "", List.of("t"), null, id, "open",
                List.of(), List.of(), null, null, Map.of());
    }
}
