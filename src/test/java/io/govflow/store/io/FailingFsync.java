package io.govflow.store.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/** Fault injection at the fsync boundary: the real fsync, unless a failure is armed for files or directories. */
public final class FailingFsync implements Fsync {

    private volatile String fileFailure = "";
    private volatile String directoryFailure = "";

    public FailingFsync failFiles(String message) {
        fileFailure = message;
        return this;
    }

    public FailingFsync failDirectories(String message) {
        directoryFailure = message;
        return this;
    }

    @Override
    public void file(FileChannel channel, boolean metaData) throws IOException {
        if (!fileFailure.isEmpty()) {
            throw new IOException(fileFailure);
        }
        Fsync.SYSTEM.file(channel, metaData);
    }

    @Override
    public void directory(Path dir) throws IOException {
        if (!directoryFailure.isEmpty()) {
            throw new IOException(directoryFailure);
        }
        Fsync.SYSTEM.directory(dir);
    }
}
