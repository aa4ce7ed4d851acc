package io.govflow.store.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The real fsync, recording which directories it was asked to make durable. */
public final class RecordingFsync implements Fsync {

    private final List<Path> directories = new CopyOnWriteArrayList<>();

    @Override
    public void file(FileChannel channel, boolean metaData) throws IOException {
        Fsync.SYSTEM.file(channel, metaData);
    }

    @Override
    public void directory(Path dir) throws IOException {
        directories.add(dir.toAbsolutePath().normalize());
        Fsync.SYSTEM.directory(dir);
    }

    /** The directories fsynced so far, in call order. */
    public List<Path> directories() {
        return List.copyOf(directories);
    }

    public void clear() {
        directories.clear();
    }
}
