package io.govflow.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import io.govflow.config.GovflowProperties;
import io.govflow.flow.knowledge.DiscoveryQuery;
import io.govflow.flow.knowledge.KnowledgeService;
import io.govflow.flow.knowledge.SimilarDiscovery;
import io.govflow.flow.update.RecordedTimes;
import io.govflow.store.io.AtomicFileWriter;
import io.govflow.store.io.AtomicJsonWriter;
import io.govflow.store.io.DataDirectory;
import io.govflow.store.io.LockManager;
import io.govflow.store.io.StoreHealth;
import io.govflow.store.io.StoreJson;
import io.govflow.store.knowledge.Discovery;
import io.govflow.store.knowledge.KnowledgeGraph;
import io.govflow.store.knowledge.KnowledgeGraphCodec;
import io.govflow.store.knowledge.KnowledgeGraphRepository;
import io.govflow.store.knowledge.KnowledgeGraphStore;
import io.govflow.store.knowledge.KnowledgeGraphStore.Change;
import io.govflow.store.memory.MemoryMetadataStore;
import io.govflow.support.TestFiles;

/**
 * One corpus — the reference graph plus generated discoveries (seed logged) — loaded into the file store and into
 * PostgreSQL: ranked search, filters, listings, similar discoveries and statistics answer the same on both, read
 * back on the PostgreSQL side by another replica than the one that wrote it.
 */
class KnowledgeSearchParityTest {

    private static final Logger LOG = LoggerFactory.getLogger(KnowledgeSearchParityTest.class);
    private static final List<String> TAGS = List.of("coherence", "export", "risk", "drift", "latency", "void",
            "calibration", "cold-start");
    private static final List<String> TYPES = List.of("insight", "bug_found", "pattern", "improvement");
    private static final List<String> STATUSES = List.of("open", "resolved", "archived");

    private final StoreJson json = new StoreJson();
    private final KnowledgeGraphCodec codec = new KnowledgeGraphCodec(json);
    private MigratedDatabase db;

    @TempDir
    Path temp;

    @BeforeEach
    void setUp() {
        db = MigratedDatabase.create("knowledge_parity");
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void searchesAnswerTheSameOnTheFileStoreAndOnPostgres() throws Exception {
        long seed = System.nanoTime();
        LOG.info("Knowledge search parity seed: {}", seed);
        Random random = new Random(seed);
        Path data = TestFiles.copyFixture("reference-data", temp.resolve("data"));
        KnowledgeGraph corpus = withGenerated(codec.parse(Files.readAllBytes(data.resolve("knowledge_graph.json"))),
                random, 150);

        KnowledgeGraphRepository file = fileStore(data);
        file.update(graph -> new Change<>(corpus, null));
        new PostgresKnowledgeGraphStore(db.replica(), codec, json).update(graph -> new Change<>(corpus, null));
        KnowledgeService onFiles = service(file);
        KnowledgeService onPostgres = service(new PostgresKnowledgeGraphStore(db.replica(), codec, json));

        List<String> words = new ArrayList<>(vocabulary(corpus));
        int nonEmpty = 0;
        for (DiscoveryQuery query : queries(words, corpus, random)) {
            List<String> expected = ids(onFiles.search(query));
            assertThat(ids(onPostgres.search(query))).as("seed %d, query %s", seed, query).isEqualTo(expected);
            nonEmpty += expected.isEmpty() ? 0 : 1;
        }
        assertThat(nonEmpty).as("queries with results (seed %d)", seed).isGreaterThan(40);
        for (String id : corpus.nodes().keySet()) {
            assertThat(similar(onPostgres, id)).as("similar %s", id).isEqualTo(similar(onFiles, id));
        }
        for (String agent : corpus.indexes().byAgent().keySet()) {
            assertThat(ids(onPostgres.listForAgent(agent, 100))).isEqualTo(ids(onFiles.listForAgent(agent, 100)));
        }
        assertThat(onPostgres.stats()).isEqualTo(onFiles.stats());
    }

    private List<DiscoveryQuery> queries(List<String> words, KnowledgeGraph corpus, Random random) {
        List<String> agents = new ArrayList<>(corpus.indexes().byAgent().keySet());
        List<DiscoveryQuery> queries = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            queries.add(new DiscoveryQuery(null, List.of(), null, null, null, pick(words, random), 20));
        }
        for (int i = 0; i < 30; i++) {
            queries.add(new DiscoveryQuery(null, List.of(), null, null, null, pick(words, random) + " "
                    + pick(words, random) + " " + pick(words, random), 10));
        }
        for (int i = 0; i < 30; i++) {
            String q = random.nextBoolean() ? pick(words, random) : null;
            queries.add(new DiscoveryQuery(random.nextInt(3) == 0 ? pick(agents, random) : null,
                    random.nextBoolean() ? List.of(pick(TAGS, random)) : List.of(),
                    random.nextInt(3) == 0 ? pick(TYPES, random) : null, null,
                    random.nextInt(3) == 0 ? pick(STATUSES, random) : null, q, 1 + random.nextInt(50)));
        }
        return queries;
    }

    /** The corpus plus {@code count} discoveries of words drawn from it, tags, types and statuses. */
    private static KnowledgeGraph withGenerated(KnowledgeGraph graph, Random random, int count) {
        List<String> words = new ArrayList<>(vocabulary(graph));
        KnowledgeGraph out = graph;
        for (int i = 0; i < count; i++) {
            StringBuilder summary = new StringBuilder();
            for (int w = 0; w < 3 + random.nextInt(8); w++) {
                summary.append(pick(words, random)).append(' ');
            }
            List<String> tags = new ArrayList<>(new TreeSet<>(List.of(pick(TAGS, random), pick(TAGS, random))));
            String id = "2026-01-%02dT10:00:00.%06d".formatted(1 + random.nextInt(28), i);
            out = out.with(new Discovery(id, "gen_agent_" + random.nextInt(6), pick(TYPES, random),
                    summary.toString().strip(), random.nextBoolean() ? pick(words, random) + " details" : "", tags,
                    random.nextBoolean() ? "low" : null, id, pick(STATUSES, random), List.of(), List.of(), null,
                    null, Map.of()));
        }
        return out;
    }

    private static TreeSet<String> vocabulary(KnowledgeGraph graph) {
        TreeSet<String> words = new TreeSet<>();
        for (Discovery d : graph.nodes().values()) {
            String text = (d.summary() + " " + d.details()).toLowerCase(Locale.ROOT);
            for (String word : text.split("[^a-z0-9]+")) {
                if (word.length() > 2) {
                    words.add(word);
                }
            }
        }
        return words;
    }

    private static <T> T pick(List<T> values, Random random) {
        return values.get(random.nextInt(values.size()));
    }

    private static List<String> ids(List<Discovery> discoveries) {
        return discoveries.stream().map(Discovery::id).toList();
    }

    private static List<String> similar(KnowledgeService service, String id) {
        return service.similar(id, 10).stream().map(SimilarDiscovery::discovery).map(Discovery::id).toList();
    }

    private KnowledgeGraphRepository fileStore(Path data) {
        DataDirectory dir = new DataDirectory(data);
        return new KnowledgeGraphRepository(dir, new AtomicJsonWriter(new AtomicFileWriter(new StoreHealth()), json),
                new LockManager(dir, Duration.ofSeconds(5), Duration.ofMillis(100)), codec);
    }

    private KnowledgeService service(KnowledgeGraphStore graphs) {
        GovflowProperties properties = new Binder(new MapConfigurationPropertySource(Map.of("govflow.data-dir",
                temp.resolve("data").toString()))).bindOrCreate("govflow", GovflowProperties.class);
        return new KnowledgeService(graphs, new MemoryMetadataStore(), new RecordedTimes(properties), properties,
                Clock.systemUTC());
    }
}
