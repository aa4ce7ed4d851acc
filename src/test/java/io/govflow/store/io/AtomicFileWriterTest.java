package io.govflow.store.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.govflow.error.ErrorCode;
import io.govflow.error.GovflowException;

import static io.govflow.support.TestFiles.filesUnder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AtomicFileWriterTest {

    @TempDir
    Path dir;

    private final StoreHealth health = new StoreHealth();

    @Test
    void replacesTheFileAndLeavesNoTempFile() throws Exception {
        AtomicFileWriter writer = new AtomicFileWriter(health);
        Path target = dir.resolve("sub/state.json");

        writer.write(target, bytes("first"));
        writer.write(target, bytes("second"));

        assertThat(target).hasContent("second");
        assertThat(filesUnder(dir)).containsExactly("sub/state.json");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("sub"))))
                .isEqualTo("rwx------");
    }

    @Test
    void streamsABodyThroughTheSameProtocol() {
        AtomicJsonWriter writer = new AtomicJsonWriter(new AtomicFileWriter(health), new StoreJson());
        Path target = dir.resolve("export.csv");

        writer.write(target, out -> {
            for (int i = 0; i < 3; i++) {
                out.write(("row" + i + "\n").getBytes(StandardCharsets.UTF_8));
            }
            out.close(); // a body closing the stream must not break the protocol
        });

        assertThat(target).hasContent("row0\nrow1\nrow2\n");
        assertThat(filesUnder(dir)).containsExactly("export.csv");
    }

    @Test
    void aFailingBodyLeavesThePreviousFileAndNoTemp() throws Exception {
        AtomicFileWriter writer = new AtomicFileWriter(health);
        Path target = dir.resolve("state.json");
        writer.write(target, bytes("previous"));

        assertThatThrownBy(() -> writer.write(target, out -> {
            out.write(bytes("half"));
            throw new IOException("source went away");
        })).isInstanceOf(GovflowException.class)
                .satisfies(e -> assertThat(((GovflowException) e).code()).isEqualTo(ErrorCode.STORAGE_ERROR));

        assertThat(target).hasContent("previous");
        assertThat(filesUnder(dir)).containsExactly("state.json");
    }

    @Test
    void aFailedRenameRemovesTheTempFile() throws Exception {
        AtomicFileWriter writer = new AtomicFileWriter(health);
        Path target = dir.resolve("occupied");
        Files.createDirectories(target.resolve("child"));
        Files.writeString(target.resolve("child/keep.txt"), "kept");

        assertThatThrownBy(() -> writer.write(target, bytes("new"))).isInstanceOf(GovflowException.class)
                .satisfies(e -> assertThat(((GovflowException) e).code()).isEqualTo(ErrorCode.STORAGE_ERROR))
                .satisfies(e -> assertThat(((GovflowException) e).details()).isEmpty());

        assertThat(filesUnder(dir)).containsExactly("occupied/child/keep.txt");
        assertThat(health.readOnly()).isFalse();
    }

    @Test
    void aParentThatIsAFileFailsWithAStorageErrorAndCreatesNothing() throws Exception {
        AtomicFileWriter writer = new AtomicFileWriter(health);
        Files.writeString(dir.resolve("agents"), "a file, not a directory");

        assertThatThrownBy(() -> writer.write(dir.resolve("agents/a_state.json"), bytes("x")))
                .isInstanceOf(GovflowException.class)
                .satisfies(e -> assertThat(((GovflowException) e).code()).isEqualTo(ErrorCode.STORAGE_ERROR));

        assertThat(filesUnder(dir)).containsExactly("agents");
        assertThat(dir.resolve("agents")).hasContent("a file, not a directory");
    }

    @Test
    void noSpaceWhileWritingTheTempFileIsDiskFullAndDoesNotLatch() throws Exception {
        Path target = dir.resolve("state.json");
        new AtomicFileWriter(health).write(target, bytes("previous"));
        AtomicFileWriter writer = new AtomicFileWriter(health,
                new FailingFsync().failFiles("No space left on device"));

        assertThatThrownBy(() -> writer.write(target, bytes("next"))).isInstanceOf(GovflowException.class)
                .satisfies(e -> assertThat(((GovflowException) e).code()).isEqualTo(ErrorCode.DISK_FULL));

        assertThat(target).hasContent("previous");
        assertThat(filesUnder(dir)).containsExactly("state.json");
        assertThat(health.readOnly()).isFalse();
    }

    @Test
    void aFailedDirectoryFsyncLatchesTheStoreReadOnly() {
        AtomicFileWriter writer = new AtomicFileWriter(health, new FailingFsync().failDirectories("Input/output error"));
        Path target = dir.resolve("state.json");

        assertThatThrownBy(() -> writer.write(target, bytes("x"))).isInstanceOf(GovflowException.class)
                .satisfies(e -> assertThat(((GovflowException) e).code()).isEqualTo(ErrorCode.STORAGE_ERROR))
                .satisfies(e -> assertThat(((GovflowException) e).details()).containsEntry("committed", "unknown"));

        assertThat(health.readOnly()).isTrue();
        assertThat(health.readOnlyReason()).isNotBlank().doesNotContain(dir.toString());
        AtomicFileWriter healthy = new AtomicFileWriter(health);
        assertThatThrownBy(() -> healthy.write(dir.resolve("other.json"), bytes("y")))
                .isInstanceOf(GovflowException.class)
                .satisfies(e -> assertThat(((GovflowException) e).code()).isEqualTo(ErrorCode.STORE_READ_ONLY));
        assertThat(dir.resolve("other.json")).doesNotExist();
    }

    @Test
    void recognisesNoSpaceErrors() {
        assertThat(StorageErrors.isNoSpace(new IOException("No space left on device"))).isTrue();
        assertThat(StorageErrors.isNoSpace(new FileSystemException("/x/.tmp", null, "No space left on device")))
                .isTrue();
        assertThat(StorageErrors.isNoSpace(new RuntimeException(new IOException("Disk quota exceeded")))).isTrue();
        assertThat(StorageErrors.isNoSpace(new IOException("Input/output error"))).isFalse();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
