package io.govflow.store.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import io.govflow.store.io.AtomicFileWriter;
import io.govflow.store.io.AtomicJsonWriter;
import io.govflow.store.io.DataDirectory;
import io.govflow.store.io.LockManager;
import io.govflow.store.io.StoreHealth;
import io.govflow.store.io.StoreJson;
import io.govflow.store.memory.MemoryMetadataStore;
import io.govflow.store.memory.MemoryStateStore;
import io.govflow.store.memory.MemoryUpdateLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The removal operations a purge is made of, on real files and in memory: run in the purge's order and stopped
 * after any of them (what a crash leaves), then run again from the start, they converge on nothing left; a second
 * run removes nothing; a group commit never brings a removed record back.
 */
class AgentRemovalTest {

    private static final String AGENT = "purge_me";
    private static final String NOW = "2025-12-01T09:00:00.000000";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-12-01T15:12:45Z"), ZoneOffset.UTC);

    @TempDir
    Path root;

    private final StoreHealth health = new StoreHealth();
    private final StoreJson json = new StoreJson();

    /** The three agent stores of one kind, over {@link #root} for the file store. */
    private record Stores(MetadataStore metadata, StateStore states, UpdateLogStore logs) {
    }

    private Stores stores(String kind) {
        if (kind.equals("memory")) {
            return new Stores(new MemoryMetadataStore(), new MemoryStateStore(), new MemoryUpdateLog(json));
        }
        DataDirectory dir = new DataDirectory(root);
        AtomicFileWriter files = new AtomicFileWriter(health);
        MetadataStore metadata = new MetadataRepository(dir, new AtomicJsonWriter(files, json),
                new LockManager(dir, Duration.ofSeconds(5), Duration.ofMillis(10)), new MetadataCodec(json));
        StateStore states = new StateFileRepository(dir, new AtomicJsonWriter(files, json), new StateFileCodec(json),
                health);
        return new Stores(metadata, states, new UpdateLog(dir, files, health, json, CLOCK));
    }

    private static void seed(Stores stores) {
        stores.metadata().create(AgentRecord.newAgent(AGENT, NOW, null).withStatus(AgentStatus.DELETED));
        stores.metadata().create(AgentRecord.newAgent("other_agent", NOW, null));
        for (long seq = 1; seq <= 3; seq++) {
            stores.logs().append(AGENT, LogEntries.entry(seq));
        }
        stores.states().write(AGENT, StateFile.initial());
    }

    /** The purge's store steps in its order; returns what each removed. */
    private static List<Boolean> removeSteps(Stores stores, int steps) {
        List<Boolean> removed = new ArrayList<>();
        if (steps > 0) {
            removed.add(stores.states().delete(AGENT));
        }
        if (steps > 1) {
            removed.add(stores.logs().delete(AGENT));
        }
        if (steps > 2) {
            removed.add(stores.metadata().remove(AGENT));
        }
        return removed;
    }

    @ParameterizedTest(name = "{0} store, stopped after {1} step(s)")
    @CsvSource({ "file,0", "file,1", "file,2", "memory,0", "memory,1", "memory,2" })
    void removalsStoppedAfterAnyStepConvergeWhenRunAgain(String kind, int stoppedAfter) {
        Stores stores = stores(kind);
        seed(stores);
        removeSteps(stores, stoppedAfter);

        // what a crash leaves: the record is still there and still deleted; the files left read as before
        assertThat(stores.metadata().find(AGENT)).hasValueSatisfying(
                record -> assertThat(record.status()).isEqualTo(AgentStatus.DELETED));
        assertThat(stores.logs().lastSeq(AGENT)).isEqualTo(stoppedAfter >= 2 ? 0 : 3);

        List<Boolean> again = removeSteps(stores, 3);

        assertThat(again).containsExactly(stoppedAfter < 1, stoppedAfter < 2, true);
        assertGone(kind, stores);
        assertThat(removeSteps(stores, 3)).containsExactly(false, false, false);
        assertThat(stores.metadata().readAll()).containsOnlyKeys("other_agent");
    }

    @ParameterizedTest(name = "{0} store")
    @CsvSource({ "file", "memory" })
    void aGroupCommitNeverBringsARemovedRecordBack(String kind) {
        Stores stores = stores(kind);
        seed(stores);
        removeSteps(stores, 3);

        UnaryOperator<AgentRecord> change = record -> record.withTotalUpdates(99);
        Map<String, AgentRecord> written = stores.metadata()
                .updateEach(Map.of(AGENT, change, "other_agent", change));

        assertThat(written).containsOnlyKeys("other_agent");
        assertThat(stores.metadata().find(AGENT)).isEmpty();
        assertThat(stores.metadata().readAll()).containsOnlyKeys("other_agent");
    }

    @Test
    void theLegacyStateFileGoesTooAndASymbolicLinkIsRemovedNotFollowed() throws Exception {
        Stores stores = stores("file");
        DataDirectory dir = new DataDirectory(root);
        Files.writeString(dir.legacyStateFile(AGENT), "{}");
        Path outside = Files.writeString(root.resolveSibling(root.getFileName() + "-outside.json"), "keep");
        Files.createDirectories(dir.agentsDir());
        Files.createSymbolicLink(dir.stateFile(AGENT), outside);
        try {
            assertThat(stores.states().delete(AGENT)).isTrue();

            assertThat(dir.legacyStateFile(AGENT)).doesNotExist();
            assertThat(Files.exists(dir.stateFile(AGENT), LinkOption.NOFOLLOW_LINKS)).isFalse();
            assertThat(outside).hasContent("keep");
        } finally {
            Files.deleteIfExists(outside);
        }
    }

    private void assertGone(String kind, Stores stores) {
        assertThat(stores.metadata().find(AGENT)).isEmpty();
        assertThat(stores.states().read(AGENT)).isEmpty();
        assertThat(stores.logs().stamp(AGENT)).isNull();
        assertThat(stores.logs().lastSeq(AGENT)).isZero();
        if (kind.equals("file")) {
            DataDirectory dir = new DataDirectory(root);
            assertThat(dir.stateFile(AGENT)).doesNotExist();
            assertThat(dir.updateLog(AGENT)).doesNotExist();
            assertThat(dir.metadataFile()).content().doesNotContain(AGENT);
        }
    }
}
