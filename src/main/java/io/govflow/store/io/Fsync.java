package io.govflow.store.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * How the store forces data to the device. The system implementation is the only one used in production;
 * tests substitute a failing one to exercise the read-only latch (the durability itself is never mocked).
 */
public interface Fsync {

    /** {@code force(true)} on Linux is fsync, {@code force(false)} fdatasync. */
    void file(FileChannel channel, boolean metaData) throws IOException;

    /**
     * The same, told which file the channel writes (the store always calls this one). Fault-injection and
     * power-loss test layers need the path; the default ignores it.
     */
    default void file(FileChannel channel, Path path, boolean metaData) throws IOException {
        file(channel, metaData);
    }

    /** Makes a directory's entries (created or renamed files) durable. */
    void directory(Path dir) throws IOException;

    Fsync SYSTEM = new Fsync() {
        private final boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT)
                .startsWith("windows");

        @Override
        public void file(FileChannel channel, boolean metaData) throws IOException {
            channel.force(metaData);
        }

        @Override
        public void directory(Path dir) throws IOException {
            if (windows) {
                return; // directories cannot be opened for fsync there; NTFS journals the rename
            }
            try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
                channel.force(true);
            }
        }
    };
}
