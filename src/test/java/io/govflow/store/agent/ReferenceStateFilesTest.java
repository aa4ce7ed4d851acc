package io.govflow.store.agent;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.govflow.store.io.AtomicFileWriter;
import io.govflow.store.io.AtomicJsonWriter;
import io.govflow.store.io.DataDirectory;
import io.govflow.store.io.StoreHealth;
import io.govflow.store.io.StoreJson;
import io.govflow.support.TestFiles;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Every state file the reference wrote (both fixture directories, legacy and current locations). */
class ReferenceStateFilesTest {

    private static final Set<String> ADDED_BY_US = Set.of("lambda1_update_skips", "lambda1_history", "pi_integral");

    @TempDir
    Path temp;

    private final StoreJson json = new StoreJson();
    private final StateFileCodec codec = new StateFileCodec(json);

    @Test
    void everyFixtureStateFileParsesAndRoundTripsWithItsUnknownFields() throws Exception {
        List<Path> files = new ArrayList<>();
        for (String fixture : List.of("reference-data", "reference-generated")) {
            Path copy = TestFiles.copyFixture(fixture, temp);
            files.addAll(stateFiles(copy));
            files.addAll(stateFiles(copy.resolve("agents")));
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(25);

        for (Path file : files) {
            byte[] original = Files.readAllBytes(file);
            StateFile state = codec.parse(original);
            byte[] rewritten = codec.format(state);

            assertThat(codec.parse(rewritten)).as(file.toString()).isEqualTo(state);
            assertSameContent(json.parseObject(original), json.parseObject(rewritten), file);
        }
    }

    @Test
    void legacyAndAgentsLocationsAreReadThroughTheRepository() {
        Path data = TestFiles.copyFixture("reference-data", temp);
        StoreHealth health = new StoreHealth();
        StateFileRepository states = new StateFileRepository(new DataDirectory(data),
                new AtomicJsonWriter(new AtomicFileWriter(health), json), codec, health);

        assertThat(states.read("root")).hasValueSatisfying(s -> {
            assertThat(s.updateCount()).isEqualTo(2);
            assertThat(s.unknownFields()).containsKeys("regime", "regime_history", "locked_persistence_count");
        });
        assertThat(states.read("test_persistent_cli")).isEmpty();
        assertThat(states.readLegacy("test_persistent_cli")).hasValueSatisfying(s -> {
            assertThat(s.updateCount()).isEqualTo(4);
            assertThat(s.lambda1()).isEqualTo(0.09);
            assertThat(s.decisionHistory()).containsOnly("revise");
        });
        assertThat(states.migrateLegacy("test_persistent_cli")).isTrue();
        assertThat(states.read("test_persistent_cli")).hasValueSatisfying(
                s -> assertThat(s.updateCount()).isEqualTo(4));

        Path generated = TestFiles.copyFixture("reference-generated", temp);
        StateFileRepository generatedStates = new StateFileRepository(new DataDirectory(generated),
                new AtomicJsonWriter(new AtomicFileWriter(health), json), codec, health);
        assertThat(generatedStates.read("reference_agent_4_1200")).hasValueSatisfying(s -> {
            assertThat(s.updateCount()).isEqualTo(1200);
            assertThat(s.EHistory()).hasSize(1000);
            assertThat(s.eta1()).isEqualTo(0.5);
        });
    }

    /** Every original field survives with the same value; only fields we always write may be added. */
    private static void assertSameContent(ObjectNode original, ObjectNode rewritten, Path file) {
        for (String name : original.propertyNames()) {
            JsonNode before = original.get(name);
            assertThat(rewritten.get(name)).as(file + " field " + name).isEqualTo(before);
        }
        for (String name : rewritten.propertyNames()) {
            if (!original.has(name)) {
                assertThat(ADDED_BY_US).as(file + " added field " + name).contains(name);
            }
        }
    }

    private static List<Path> stateFiles(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith("_state.json")).sorted().toList();
        }
    }
}
