package io.govflow.store.agent;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.govflow.error.ErrorCode;
import io.govflow.error.GovflowException;
import io.govflow.store.io.AtomicFileWriter;
import io.govflow.store.io.AtomicJsonWriter;
import io.govflow.store.io.DataDirectory;
import io.govflow.store.io.LockManager;
import io.govflow.store.io.StoreHealth;
import io.govflow.store.io.StoreJson;

import static io.govflow.support.TestFiles.filesUnder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MetadataRepositoryTest {

    private static final String NOW = "2025-12-01T15:12:45.585896";

    @TempDir
    Path root;

    private final StoreJson json = new StoreJson();

    /** A repository as another service instance would have it: its own cache, writer and lock manager. */
    private MetadataRepository instance() {
        DataDirectory dir = new DataDirectory(root);
        StoreHealth health = new StoreHealth();
        return new MetadataRepository(dir, new AtomicJsonWriter(new AtomicFileWriter(health), json),
                new LockManager(dir, Duration.ofSeconds(5), Duration.ofMillis(10)), new MetadataCodec(json));
    }

    @Test
    void createsFindsAndUpdatesRecords() {
        MetadataRepository metadata = instance();
        assertThat(metadata.readAll()).isEmpty();

        metadata.create(AgentRecord.newAgent("a1", NOW, "sha256:ab"));
        AgentRecord updated = metadata.update("a1", r -> r.withTotalUpdates(1).withLastUpdate("2025-12-01T15:13:00.000000"));

        assertThat(updated.totalUpdates()).isEqualTo(1);
        assertThat(metadata.find("a1")).contains(updated);
        assertThat(instance().find("a1")).contains(updated);
        assertThat(metadata.find("zz")).isEmpty();
        assertThat(filesUnder(root)).containsExactly(".metadata.lock", "agent_metadata.json");
    }

    @Test
    void duplicatesAndUnknownAgentsAreRefused() {
        MetadataRepository metadata = instance();
        metadata.create(AgentRecord.newAgent("a1", NOW, null));

        assertThatThrownBy(() -> metadata.create(AgentRecord.newAgent("a1", NOW, null)))
                .isInstanceOfSatisfying(GovflowException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.AGENT_EXISTS);
                    assertThat(e.clientMessage()).contains("a1");
                });
        assertThatThrownBy(() -> metadata.update("b2", r -> r)).isInstanceOfSatisfying(GovflowException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.AGENT_NOT_FOUND));
        assertThatThrownBy(() -> metadata.update("a1", r -> AgentRecord.newAgent("other", NOW, null)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anUnchangedRecordIsNotRewritten() throws Exception {
        MetadataRepository metadata = instance();
        metadata.create(AgentRecord.newAgent("a1", NOW, null));
        Object fileKey = fileKey();

        metadata.update("a1", r -> r.withStatus(AgentStatus.ACTIVE));

        assertThat(fileKey()).isEqualTo(fileKey);
    }

    @Test
    void twoInstancesMergePerAgentAndLoseNothing() {
        MetadataRepository first = instance();
        MetadataRepository second = instance();
        first.create(AgentRecord.newAgent("a1", NOW, null));
        assertThat(second.readAll()).containsOnlyKeys("a1");

        first.create(AgentRecord.newAgent("a2", NOW, null));
        second.create(AgentRecord.newAgent("b1", NOW, null));
        first.update("a1", r -> r.withTotalUpdates(5));
        second.update("b1", r -> r.withTotalUpdates(7));
        second.update("a2", r -> r.withStatus(AgentStatus.ARCHIVED));

        for (MetadataRepository view : List.of(first, second, instance())) {
            assertThat(view.readAll()).containsOnlyKeys("a1", "a2", "b1");
            assertThat(view.find("a1")).hasValueSatisfying(r -> assertThat(r.totalUpdates()).isEqualTo(5));
            assertThat(view.find("a2"))
                    .hasValueSatisfying(r -> assertThat(r.status()).isEqualTo(AgentStatus.ARCHIVED));
            assertThat(view.find("b1")).hasValueSatisfying(r -> assertThat(r.totalUpdates()).isEqualTo(7));
        }
    }

    @Test
    void concurrentWritersOnTwoInstancesKeepEveryAgentAndEveryCount() throws Exception {
        List<MetadataRepository> instances = List.of(instance(), instance());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> work = new ArrayList<>();
        int perWorker = 15;
        for (int worker = 0; worker < 4; worker++) {
            MetadataRepository metadata = instances.get(worker % 2);
            String prefix = "w" + worker + "_";
            work.add(pool.submit(() -> {
                for (int i = 0; i < perWorker; i++) {
                    metadata.create(AgentRecord.newAgent(prefix + i, NOW, null));
                    metadata.update(prefix + i, r -> r.withTotalUpdates(r.totalUpdates() + 1));
                    metadata.update(prefix + 0, r -> r.withTotalUpdates(r.totalUpdates() + 1));
                }
                return null;
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        pool.shutdown();

        var all = instance().readAll();
        assertThat(all).hasSize(4 * perWorker);
        for (int worker = 0; worker < 4; worker++) {
            assertThat(all.get("w" + worker + "_0").totalUpdates()).isEqualTo(1 + perWorker);
            assertThat(all.get("w" + worker + "_" + (perWorker - 1)).totalUpdates()).isEqualTo(1);
        }
    }

    @Test
    void aDamagedFileIsMetadataCorruptAndIsNeverOverwritten() throws Exception {
        MetadataRepository metadata = instance();
        metadata.create(AgentRecord.newAgent("a1", NOW, null));
        Path file = root.resolve("agent_metadata.json");

        for (String damaged : List.of("", "{\"a1\": {\"agent_id\": \"a1\"", "[7]")) {
            Files.writeString(file, damaged);
            assertCorrupt(metadata::readAll);
            assertCorrupt(() -> metadata.find("a1"));
            assertCorrupt(() -> metadata.update("a1", r -> r.withTotalUpdates(1)));
            assertCorrupt(() -> metadata.create(AgentRecord.newAgent("b1", NOW, null)));
            assertThat(file).hasContent(damaged);
        }
    }

    /** Changed deliberately: one record that cannot be read used to make the whole file METADATA_CORRUPT. */
    @Test
    void aDamagedRecordMakesOnlyItsAgentUnavailableAndIsWrittenBackAsStored() throws Exception {
        MetadataRepository metadata = instance();
        Path file = root.resolve("agent_metadata.json");
        Files.writeString(file, "{\"a1\": 7}");

        assertThat(metadata.readAll()).isEmpty();
        assertThat(metadata.damaged()).containsOnlyKeys("a1");
        assertCorrupt(() -> metadata.find("a1"));
        assertCorrupt(() -> metadata.update("a1", r -> r.withTotalUpdates(1)));
        assertCorrupt(() -> metadata.create(AgentRecord.newAgent("a1", NOW, null)));
        metadata.create(AgentRecord.newAgent("b1", NOW, null));

        assertThat(metadata.readAll()).containsOnlyKeys("b1");
        assertThat(Files.readString(file)).startsWith("{\n  \"a1\": 7,\n  \"b1\": {");
    }

    @Test
    void seesChangesMadeByAnotherInstance() {
        MetadataRepository reader = instance();
        MetadataRepository writer = instance();
        writer.create(AgentRecord.newAgent("a1", NOW, null));
        assertThat(reader.find("a1")).hasValueSatisfying(r -> assertThat(r.totalUpdates()).isZero());

        writer.update("a1", r -> r.withTotalUpdates(1));

        assertThat(reader.find("a1")).hasValueSatisfying(r -> assertThat(r.totalUpdates()).isEqualTo(1));
    }

    @Test
    void aChangeThatKeepsSizeInodeAndMtimeIsStillSeenWhileTheMtimeIsRecent() throws Exception {
        MetadataRepository reader = instance();
        instance().create(AgentRecord.newAgent("a1", NOW, null).withTotalUpdates(1));
        Path file = root.resolve("agent_metadata.json");
        assertThat(reader.find("a1")).hasValueSatisfying(r -> assertThat(r.totalUpdates()).isEqualTo(1));
        FileTime mtime = Files.getLastModifiedTime(file);
        String changed = Files.readString(file).replace("\"total_updates\": 1,", "\"total_updates\": 2,");

        Files.writeString(file, changed);
        Files.setLastModifiedTime(file, mtime);

        assertThat(reader.find("a1")).hasValueSatisfying(r -> assertThat(r.totalUpdates()).isEqualTo(2));
    }

    private Object fileKey() throws Exception {
        return Files.readAttributes(root.resolve("agent_metadata.json"), BasicFileAttributes.class).fileKey();
    }

    private static void assertCorrupt(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(GovflowException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.METADATA_CORRUPT));
    }
}
