package io.govflow.store.agent;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.govflow.error.ErrorCode;
import io.govflow.error.GovflowException;
import io.govflow.store.io.AtomicFileWriter;
import io.govflow.store.io.AtomicJsonWriter;
import io.govflow.store.io.DataDirectory;
import io.govflow.store.io.StoreHealth;
import io.govflow.store.io.StoreJson;

import static io.govflow.support.TestFiles.filesUnder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StateFileRepositoryTest {

    @TempDir
    Path root;

    private final StoreHealth health = new StoreHealth();
    private final StoreJson json = new StoreJson();

    private StateFileRepository repository() {
        return new StateFileRepository(new DataDirectory(root), new AtomicJsonWriter(new AtomicFileWriter(health),
                json), new StateFileCodec(json), health);
    }

    @Test
    void writesAndReadsAnAgentsStateFile() {
        StateFileRepository states = repository();
        StateFile state = StateFile.initial();

        assertThat(states.read("a1")).isEmpty();
        states.write("a1", state);

        assertThat(states.read("a1")).contains(state);
        assertThat(filesUnder(root)).containsExactly("agents/a1_state.json");
    }

    @Test
    void aDamagedOrEmptyFileIsStateCorruptNeverAbsent() throws Exception {
        StateFileRepository states = repository();
        Path file = root.resolve("agents/a1_state.json");
        Files.createDirectories(file.getParent());

        for (String content : List.of("", "{\"E\": 0.7, \"I\"", "{\"E\": []}")) {
            Files.writeString(file, content);
            assertThatThrownBy(() -> states.read("a1")).isInstanceOfSatisfying(GovflowException.class, e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.STATE_CORRUPT);
                assertThat(e.details()).containsEntry("agent_id", "a1").containsEntry("file", "state");
                assertThat(e.details().toString()).doesNotContain(root.toString());
            });
        }
        Files.delete(file);
        Files.createDirectory(file);
        assertThatThrownBy(() -> states.read("a1")).isInstanceOfSatisfying(GovflowException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.STATE_CORRUPT));
    }

    @Test
    void movesALegacyStateFileIntoAgents() throws Exception {
        StateFileRepository states = repository();
        Files.writeString(root.resolve("old_state.json"), "{\"update_count\": 4}");

        assertThat(states.read("old")).isEmpty();
        assertThat(states.readLegacy("old")).hasValueSatisfying(s -> assertThat(s.updateCount()).isEqualTo(4));
        assertThat(states.migrateLegacy("old")).isTrue();

        assertThat(filesUnder(root)).containsExactly("agents/old_state.json");
        assertThat(states.read("old")).hasValueSatisfying(s -> assertThat(s.updateCount()).isEqualTo(4));
        assertThat(states.migrateLegacy("old")).isFalse();
    }

    @Test
    void neverReplacesAnExistingStateFileWithALegacyOne() throws Exception {
        StateFileRepository states = repository();
        states.write("a1", StateFile.initial());
        Files.writeString(root.resolve("a1_state.json"), "{\"update_count\": 9}");

        assertThat(states.migrateLegacy("a1")).isFalse();

        assertThat(states.read("a1")).contains(StateFile.initial());
        assertThat(root.resolve("a1_state.json")).hasContent("{\"update_count\": 9}");
    }

    @Test
    void aFailedMoveLeavesTheLegacyFileInPlace() throws Exception {
        StateFileRepository states = repository();
        Files.writeString(root.resolve("a1_state.json"), "{\"update_count\": 9}");
        Files.writeString(root.resolve("agents"), "a file where the directory should be");

        assertThat(states.migrateLegacy("a1")).isFalse();

        assertThat(root.resolve("a1_state.json")).hasContent("{\"update_count\": 9}");
        assertThat(health.readOnly()).isFalse();
    }
}
