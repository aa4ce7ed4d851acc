package io.govflow.store.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.SortedMap;
import java.util.TreeMap;

import io.govflow.store.io.AtomicFileWriter;
import io.govflow.store.io.AtomicJsonWriter;
import io.govflow.store.io.DataDirectory;
import io.govflow.store.io.LockManager;
import io.govflow.store.io.StoreHealth;
import io.govflow.store.io.StoreJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The status field is typed, and a word the service does not know survives reads and rewrites unchanged. */
class StoredStatusTest {

    private static final String NOW = "2025-12-01T15:12:45.585896";

    @TempDir
    Path root;

    private final StoreJson json = new StoreJson();
    private final MetadataCodec codec = new MetadataCodec(json);

    @ParameterizedTest
    @EnumSource(AgentStatus.class)
    void eachKnownWordReadsAsItsStatus(AgentStatus status) {
        assertThat(StoredStatus.of(status.word())).isSameAs(status);
        assertThat(AgentStatus.fromWord(status.word())).contains(status);
        assertThat(status.toString()).isEqualTo(status.word());
    }

    @Test
    void theWordsAreTheOnesTheApiAndTheFilesUse() {
        assertThat(AgentStatus.values()).extracting(AgentStatus::word)
                .containsExactly("active", "waiting_input", "paused", "archived", "deleted");
    }

    @ParameterizedTest
    @ValueSource(strings = { "moderate", "degraded", "Active", "paused ", "", "évalué" })
    void anyOtherWordIsKeptAsALegacyValue(String word) {
        StoredStatus status = StoredStatus.of(word);

        assertThat(status).isEqualTo(new LegacyStatus(word)).isNotInstanceOf(AgentStatus.class);
        assertThat(status.word()).isEqualTo(word);
        assertThat(AgentStatus.fromWord(word)).isEmpty();
    }

    @Test
    void aLegacyValueCannotSpellAKnownStatus() {
        assertThatThrownBy(() -> new LegacyStatus("paused")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void legacyWordsAreRewrittenByteForByte() {
        SortedMap<String, AgentRecord> records = new TreeMap<>();
        records.put("a_agent", AgentRecord.newAgent("a_agent", NOW, null));
        records.put("b_agent", AgentRecord.newAgent("b_agent", NOW, null));
        String written = new String(codec.format(records), StandardCharsets.UTF_8);
        String legacy = written.replaceFirst("\"status\": \"active\"", "\"status\": \"moderate\"")
                .replaceFirst("\"status\": \"active\"", "\"status\": \"Paused\"");

        SortedMap<String, AgentRecord> read = codec.parse(legacy.getBytes(StandardCharsets.UTF_8)).records();

        assertThat(read.get("a_agent").status()).isEqualTo(LegacyStatus.MODERATE);
        assertThat(read.get("b_agent").status()).isEqualTo(new LegacyStatus("Paused"));
        assertThat(new String(codec.format(read), StandardCharsets.UTF_8)).isEqualTo(legacy);
    }

    @Test
    void aLegacyStatusStaysAsWrittenWhenAnotherFieldChanges() throws Exception {
        DataDirectory dir = new DataDirectory(root);
        MetadataRepository metadata = new MetadataRepository(dir,
                new AtomicJsonWriter(new AtomicFileWriter(new StoreHealth()), json),
                new LockManager(dir, Duration.ofSeconds(5), Duration.ofMillis(10)), codec);
        metadata.create(AgentRecord.newAgent("old_agent", NOW, null));
        Path file = dir.metadataFile();
        Files.writeString(file, Files.readString(file).replace("\"status\": \"active\"", "\"status\": \"degraded\""));

        AgentRecord updated = metadata.update("old_agent", r -> r.withNotes("reviewed"));

        assertThat(updated.status()).isEqualTo(LegacyStatus.DEGRADED);
        assertThat(Files.readString(file)).contains("\"status\": \"degraded\"").contains("\"notes\": \"reviewed\"");
    }
}
