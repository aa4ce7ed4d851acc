package io.govflow.support;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import io.govflow.store.io.Fsync;
import org.jspecify.annotations.Nullable;

/**
 * The real fsync, except when a fault is armed: then the chosen call fails with an {@link IOException} carrying
 * the kernel's text for the errno ({@code Input/output error}, {@code No space left on device}, …), exactly
 * what {@link FileChannel#force} throws on Linux. Installed in the application by {@link FaultyFsyncSource}.
 */
public final class FaultyFsync implements Fsync {

    public static final String EIO = "Input/output error";
    public static final String ENOSPC = "No space left on device";

    /** Which calls a fault applies to. */
    public enum Target {
        FILE, DIRECTORY, ANY;

        boolean covers(Target call) {
            return this == ANY || this == call;
        }
    }

    /**
     * Fails the {@code (skip+1)}-th matching call; with {@code persistent} also every later matching call.
     */
    public record Fault(Target target, Predicate<Path> where, int skip, String message, boolean persistent) {

        public static Fault once(Target target, int skip, String message) {
            return new Fault(target, path -> true, skip, message, false);
        }

        public static Fault always(Target target, String message) {
            return new Fault(target, path -> true, 0, message, true);
        }
    }

    private volatile @Nullable Fault fault;
    private final AtomicInteger matching = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicInteger fileCalls = new AtomicInteger();
    private final AtomicInteger directoryCalls = new AtomicInteger();

    public void arm(Fault next) {
        matching.set(0);
        failed.set(0);
        fault = next;
    }

    public void disarm() {
        fault = null;
    }

    /** Calls that failed since the last {@link #arm}. */
    public int failures() {
        return failed.get();
    }

    public int fileCalls() {
        return fileCalls.get();
    }

    public int directoryCalls() {
        return directoryCalls.get();
    }

    @Override
    public void file(FileChannel channel, boolean metaData) throws IOException {
        Fsync.SYSTEM.file(channel, metaData);
    }

    @Override
    public void file(FileChannel channel, Path path, boolean metaData) throws IOException {
        fileCalls.incrementAndGet();
        maybeFail(Target.FILE, path);
        Fsync.SYSTEM.file(channel, metaData);
    }

    @Override
    public void directory(Path dir) throws IOException {
        directoryCalls.incrementAndGet();
        maybeFail(Target.DIRECTORY, dir);
        Fsync.SYSTEM.directory(dir);
    }

    private void maybeFail(Target call, Path path) throws IOException {
        Fault armed = fault;
        if (armed == null || !armed.target().covers(call) || !armed.where().test(path)) {
            return;
        }
        int index = matching.getAndIncrement();
        if (index == armed.skip() || armed.persistent() && index > armed.skip()) {
            failed.incrementAndGet();
            throw new IOException(armed.message());
        }
    }
}
