package io.govflow.store.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import io.govflow.error.ErrorCode;
import io.govflow.error.GovflowException;
import io.govflow.store.io.AtomicFileWriter;
import io.govflow.store.io.AtomicJsonWriter;
import io.govflow.store.io.DataDirectory;
import io.govflow.store.io.LockManager;
import io.govflow.store.io.StoreHealth;
import io.govflow.store.io.StoreJson;
import io.govflow.store.knowledge.KnowledgeGraphStore.Change;
import io.govflow.support.FileTree;
import io.govflow.support.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class KnowledgeGraphRepositoryTest {

    private final StoreJson json = new StoreJson();

    @TempDir
    Path temp;

    private KnowledgeGraphRepository repository(Path root) {
        DataDirectory dir = new DataDirectory(root);
        return new KnowledgeGraphRepository(dir, new AtomicJsonWriter(new AtomicFileWriter(new StoreHealth()), json),
                new LockManager(dir, Duration.ofSeconds(5), Duration.ofMillis(100)), new KnowledgeGraphCodec(json));
    }

    @Test
    void referenceGraphLoadsWithIndexesRebuiltAndIsNeverWrittenByReads() throws Exception {
        Path data = TestFiles.copyFixture("reference-data", temp);
        var before = FileTree.fingerprint(data);
        KnowledgeGraph graph = repository(data).read();

        assertThat(graph.size()).isEqualTo(46);
        GraphIndexes indexes = graph.indexes();
        // The file's own indexes are stale (45 ids by agent, no dialectic_synthesis type); ours cover every node.
        assertThat(indexes.byAgent().values().stream().mapToInt(List::size).sum()).isEqualTo(46);
        assertThat(indexes.byType()).containsKey("dialectic_synthesis");
        assertThat(indexes.bySeverity().get("low")).hasSize(22);
        assertThat(indexes.byStatus().get("resolved")).hasSize(19);
        for (Map.Entry<String, List<String>> tag : indexes.byTag().entrySet()) {
            assertThat(tag.getValue()).allSatisfy(id -> assertThat(graph.nodes().get(id).tags())
                    .contains(tag.getKey()));
        }
        assertThat(FileTree.fingerprint(data)).isEqualTo(before);
    }

    @Test
    void aChangeKeepsEveryReferenceNodeAndUnknownFieldsAndWritesConsistentIndexes() throws Exception {
        Path data = TestFiles.copyFixture("reference-data", temp);
        ObjectNode original = json.parseObject(Files.readAllBytes(data.resolve("knowledge_graph.json")));
        original.put("graph_note", "kept");
        ((ObjectNode) original.get("nodes").properties().iterator().next().getValue()).put("extra", 7);
        Files.write(data.resolve("knowledge_graph.json"), json.toFileBytes(original));
        KnowledgeGraphRepository repository = repository(data);

        Discovery added = new Discovery("2030-01-01T00:00:00.000000", "writer_01", "insight", "new", "", List.of(
                "coherence"), null, "2030-01-01T00:00:00.000000", "open", List.of(), List.of(), null, null, Map.of());
        repository.update(graph -> new Change<>(graph.with(added), true));

        ObjectNode written = json.parseObject(Files.readAllBytes(data.resolve("knowledge_graph.json")));
        assertThat(written.get("graph_note").asString()).isEqualTo("kept");
        JsonNode nodes = written.get("nodes");
        assertThat(nodes.size()).isEqualTo(47);
        original.get("nodes").properties().forEach(e -> assertThat(nodes.get(e.getKey())).isEqualTo(e.getValue()));
        assertThat(new TreeSet<>(nodes.propertyNames())).containsExactlyElementsOf(nodes.propertyNames());
        JsonNode byTag = written.get("indexes").get("by_tag");
        assertThat(byTag.get("coherence").toString()).contains(added.id());
        written.get("indexes").get("by_agent").properties().forEach(agent -> agent.getValue().forEach(id ->
                assertThat(nodes.get(id.asString()).get("agent_id").asString()).isEqualTo(agent.getKey())));
        assertThat(repository(data).read().nodes().get(added.id())).isEqualTo(added);
    }

    @Test
    void aDamagedFileIsStateCorruptAndStaysAsItIs() throws Exception {
        Path file = temp.resolve("knowledge_graph.json");
        Files.writeString(file, "{\"version\": \"1.0\", \"nodes\": {", StandardCharsets.UTF_8);
        KnowledgeGraphRepository repository = repository(temp);

        assertThatThrownBy(repository::read).isInstanceOfSatisfying(GovflowException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.STATE_CORRUPT));
        assertThatThrownBy(() -> repository.update(graph -> new Change<>(graph, 1)))
                .isInstanceOf(GovflowException.class);
        assertThat(Files.readString(file)).isEqualTo("{\"version\": \"1.0\", \"nodes\": {");
    }

    @Test
    void aMissingFileIsAnEmptyGraphAndReadsCreateNothing() {
        assertThat(repository(temp).read().size()).isZero();
        assertThat(TestFiles.filesUnder(temp)).isEmpty();
    }

    @Test
    void aSymbolicLinkInPlaceOfTheFileIsStateCorruptAndIsNotFollowed() throws Exception {
        Path data = TestFiles.copyFixture("reference-data", temp.resolve("data"));
        Path outside = Files.createDirectories(temp.resolve("outside")).resolve("graph.json");
        Path file = data.resolve("knowledge_graph.json");
        Files.move(file, outside);
        Files.createSymbolicLink(file, outside);
        byte[] outsideBefore = Files.readAllBytes(outside);
        KnowledgeGraphRepository repository = repository(data);

        assertThatThrownBy(repository::read).isInstanceOfSatisfying(GovflowException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.STATE_CORRUPT));
        assertThatThrownBy(() -> repository.update(graph -> new Change<>(KnowledgeGraph.EMPTY, 1)))
                .isInstanceOfSatisfying(GovflowException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.STATE_CORRUPT));
        assertThat(file).isSymbolicLink();
        assertThat(Files.readAllBytes(outside)).isEqualTo(outsideBefore);
    }
}
