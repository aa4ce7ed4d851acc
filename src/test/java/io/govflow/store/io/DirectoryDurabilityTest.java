package io.govflow.store.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every directory a write creates, whoever created it, is fsynced into its parent before the first file in it is
 * acknowledged (storage spec §3), observed at the fsync seam on real directories.
 */
class DirectoryDurabilityTest {

    @TempDir
    Path temp;

    private final RecordingFsync fsync = new RecordingFsync();

    private Path root() throws Exception {
        return Files.createDirectories(temp.resolve("data")).toRealPath();
    }

    @Test
    void aDirectoryTheLockManagerCreatesIsFsyncedIntoItsParent() throws Exception {
        Path root = root();
        DataDirectory data = new DataDirectory(root, new StoreHealth(), fsync);
        LockManager locks = new LockManager(data, Duration.ofSeconds(1), Duration.ofMillis(10));

        try (LockHandle ignored = locks.acquire(LockKey.agent("scout_7"))) {
            assertThat(root.resolve("agents")).isDirectory();
        }

        assertThat(fsync.directories()).as("agents/ made durable in the data directory").contains(root);
    }

    @Test
    void aDirectoryAnotherProcessCreatedIsFsyncedIntoItsParentsOncePerInstance() throws Exception {
        Path root = root();
        Path contextDir = Files.createDirectories(root.resolve("workspace/workspace_a/agent_context"));
        DataDirectory data = new DataDirectory(root, new StoreHealth(), fsync);

        data.ensureDirectory(contextDir);

        assertThat(fsync.directories()).as("each entry from the data directory down")
                .containsExactlyInAnyOrder(root.resolve("workspace/workspace_a"), root.resolve("workspace"), root);
        fsync.clear();
        data.ensureDirectory(contextDir);
        data.ensureDirectory(root.resolve("workspace"));
        assertThat(fsync.directories()).as("already durable: no more fsyncs").isEmpty();
    }

    @Test
    void theStoresWriterMakesAnExistingTargetDirectoryDurableBeforeTheFirstFileInIt() throws Exception {
        Path root = root();
        Path agents = Files.createDirectories(root.resolve("agents"));
        DataDirectory data = new DataDirectory(root, new StoreHealth(), fsync);
        AtomicFileWriter writer = new AtomicFileWriter(new StoreHealth(), fsync, data);

        writer.write(agents.resolve("scout_7_state.json"), new byte[] {'{', '}'});

        assertThat(fsync.directories()).containsExactly(root, agents);
    }
}
