package io.govflow.store.io;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.govflow.error.ErrorCode;
import io.govflow.error.GovflowException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DataDirectoryTest {

    @TempDir
    Path root;

    @Test
    void laysOutTheDocumentedPaths() {
        DataDirectory dir = new DataDirectory(root);

        assertThat(dir.stateFile("scout_7")).isEqualTo(root.resolve("agents/scout_7_state.json"));
        assertThat(dir.updateLog("scout_7")).isEqualTo(root.resolve("agents/scout_7_updates.jsonl"));
        assertThat(dir.legacyStateFile("scout_7")).isEqualTo(root.resolve("scout_7_state.json"));
        assertThat(dir.metadataFile()).isEqualTo(root.resolve("agent_metadata.json"));
        assertThat(dir.quarantineDir()).isEqualTo(root.resolve("quarantine"));
        assertThat(dir.historyDir()).isEqualTo(root.resolve("history"));
        assertThat(dir.exportsDir()).isEqualTo(root.resolve("exports"));
        assertThat(dir.backupsDir()).isEqualTo(root.resolve("backups"));
        assertThat(dir.contextDir("scout_7")).isEqualTo(root.resolve("workspace/workspace_scout_7/agent_context"));
        assertThat(dir.lockFile(LockKey.agent("scout_7"))).isEqualTo(root.resolve("agents/.scout_7_state.lock"));
        assertThat(dir.lockFile(LockKey.metadata())).isEqualTo(root.resolve(".metadata.lock"));
        assertThat(dir.lockFile(LockKey.session("abc123"))).isEqualTo(root.resolve("dialectic_sessions/.abc123.lock"));
        assertThat(dir.lockFile(LockKey.knowledgeGraph())).isEqualTo(root.resolve(".knowledge_graph.lock"));
        assertThat(dir.lockFile(LockKey.contextManifest("scout_7")))
                .isEqualTo(root.resolve("workspace/workspace_scout_7/agent_context/.manifest.lock"));
        assertThat(dir.lockFile(LockKey.thresholds())).isEqualTo(root.resolve(".thresholds.lock"));
    }

    @Test
    void idsThatCouldLeaveTheirDirectoryAreRefused() {
        DataDirectory dir = new DataDirectory(root);

        for (String bad : new String[] {"../x", "a/b", "..", "", "a\u0000b", "x".repeat(65), "a.b"}) {
            assertThatThrownBy(() -> dir.stateFile(bad)).isInstanceOf(GovflowException.class)
                    .extracting(e -> ((GovflowException) e).code()).isEqualTo(ErrorCode.INVALID_AGENT_ID);
        }
        assertThatThrownBy(() -> LockKey.session("../s")).isInstanceOf(GovflowException.class)
                .extracting(e -> ((GovflowException) e).code()).isEqualTo(ErrorCode.INVALID_SESSION_ID);
    }

    @Test
    void ensureDirectoryCreatesPrivateDirectoriesAndToleratesExistingOnes() throws Exception {
        DataDirectory dir = new DataDirectory(root);
        Path nested = root.resolve("workspace/workspace_a/agent_context");

        dir.ensureDirectory(nested);
        dir.ensureDirectory(nested);

        assertThat(nested).isDirectory();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(nested))).isEqualTo("rwx------");
    }

    @Test
    void ensureDirectoryFailsWithAStorageErrorWhenAFileIsInTheWay() throws Exception {
        Files.writeString(root.resolve("agents"), "not a directory");
        DataDirectory dir = new DataDirectory(root);

        assertThatThrownBy(() -> dir.ensureDirectory(dir.agentsDir())).isInstanceOf(GovflowException.class)
                .extracting(e -> ((GovflowException) e).code()).isEqualTo(ErrorCode.STORAGE_ERROR);
    }
}
