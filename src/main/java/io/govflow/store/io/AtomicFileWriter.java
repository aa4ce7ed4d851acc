package io.govflow.store.io;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.govflow.error.GovflowException;

/**
 * Replaces whole files atomically and durably: temp file {@code .{name}.tmp-{pid}-{random}} in the target's
 * directory (mode 0600) → fsync → atomic rename over the target → fsync of the directory → return. On any
 * failure the temp file is removed and the previous file stays as it was.
 */
public final class AtomicFileWriter {

    private static final Logger LOG = LoggerFactory.getLogger(AtomicFileWriter.class);
    private static final int STREAM_BUFFER = 64 * 1024;

    private final StoreHealth health;
    private final Fsync fsync;
    private final @Nullable DataDirectory dataDirectory;
    private final long pid = ProcessHandle.current().pid();

    public AtomicFileWriter(StoreHealth health) {
        this(health, Fsync.SYSTEM);
    }

    /** A writer that fsyncs only the directories it creates itself (tools and tests writing anywhere). */
    public AtomicFileWriter(StoreHealth health, Fsync fsync) {
        this.health = health;
        this.fsync = fsync;
        this.dataDirectory = null;
    }

    /**
     * The store's writer: target directories are made durable by {@link DataDirectory#ensureDirectory}, which
     * also fsyncs directories that another process or the lock manager created.
     */
    public AtomicFileWriter(StoreHealth health, Fsync fsync, DataDirectory dataDirectory) {
        this.health = health;
        this.fsync = fsync;
        this.dataDirectory = dataDirectory;
    }

    public void write(Path target, byte[] content) {
        replace(target, channel -> writeFully(channel, content));
    }

    public void write(Path target, ContentWriter body) {
        replace(target, channel -> stream(channel, body));
    }

    /**
     * Creates a new file without ever replacing one: the body is written once to a temp file and fsynced, then
     * hard-linked under the first of {@code names} (file names in {@code dir}) that does not exist yet, so the file
     * appears complete or not at all. Returns the created path, or empty when every name exists.
     */
    public Optional<Path> writeNew(Path dir, Iterator<String> names, ContentWriter body) {
        health.checkNotReadOnly();
        Path absoluteDir = dir.toAbsolutePath();
        ensureDirectory(absoluteDir);
        String name = names.next();
        Path temp = absoluteDir.resolve(tempPrefix(absoluteDir.resolve(name)) + pid + "-" + randomSuffix());
        writeTemp(temp, absoluteDir.resolve(name), channel -> stream(channel, body));
        try {
            while (true) {
                Path target = absoluteDir.resolve(name);
                if (link(target, temp)) {
                    deleteQuietly(temp);
                    syncDirectory(absoluteDir, target);
                    return Optional.of(target);
                }
                if (!names.hasNext()) {
                    return Optional.empty();
                }
                name = names.next();
            }
        } finally {
            deleteQuietly(temp);
        }
    }

    /** The temp-file name pattern's prefix for a target, e.g. {@code .agent_metadata.json.tmp-}. */
    public static String tempPrefix(Path target) {
        return "." + target.getFileName() + ".tmp-";
    }

    private void replace(Path target, TempContent content) {
        health.checkNotReadOnly();
        Path absolute = target.toAbsolutePath();
        Path dir = parentOf(absolute);
        ensureDirectory(dir);
        Path temp = dir.resolve(tempPrefix(absolute) + pid + "-" + randomSuffix());
        writeTemp(temp, absolute, content);
        moveIntoPlace(temp, absolute);
        syncDirectory(dir, absolute);
    }

    private void writeTemp(Path temp, Path target, TempContent content) {
        try (FileChannel channel = FileChannel.open(temp, Set.of(StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE), Directories.fileAttributes(temp))) {
            content.writeTo(channel);
            fsync.file(channel, temp, true);
        } catch (IOException e) {
            deleteQuietly(temp);
            throw StorageErrors.writeFailed("writing temp file for", target, e);
        } catch (RuntimeException | Error e) {
            deleteQuietly(temp);
            if (!(e instanceof GovflowException) && e.getCause() instanceof IOException io) {
                throw StorageErrors.writeFailed("writing temp file for", target, io);
            }
            throw e;
        }
    }

    private void moveIntoPlace(Path temp, Path target) {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            deleteQuietly(temp);
            throw StorageErrors.writeFailed("renaming temp file onto", target, e);
        }
    }

    private void syncDirectory(Path dir, Path target) {
        try {
            fsync.directory(dir);
        } catch (IOException e) {
            throw StorageErrors.syncFailed(health, "directory", target, e);
        }
    }

    private void ensureDirectory(Path dir) {
        if (dataDirectory != null) {
            dataDirectory.ensureDirectory(dir);
            return;
        }
        try {
            for (Path created : Directories.createMissing(dir)) {
                syncDirectory(parentOf(created), created);
            }
        } catch (IOException e) {
            throw StorageErrors.writeFailed("creating directory", dir, e);
        }
    }

    /** A hard link never replaces an existing file: that is what makes {@link #writeNew} safe across processes. */
    private static boolean link(Path target, Path temp) {
        try {
            Files.createLink(target, temp);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (IOException | UnsupportedOperationException e) {
            throw StorageErrors.writeFailed("linking new file", target,
                    e instanceof IOException io ? io : new IOException(e));
        }
    }

    private static void writeFully(FileChannel channel, byte[] content) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(content);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    private static void stream(FileChannel channel, ContentWriter body) throws IOException {
        OutputStream out = new BufferedOutputStream(new KeepOpen(Channels.newOutputStream(channel)), STREAM_BUFFER);
        body.writeTo(out);
        out.flush();
    }

    private static Path parentOf(Path absolute) {
        Path parent = absolute.getParent();
        if (parent == null) {
            throw new IllegalArgumentException("target has no parent directory");
        }
        return parent;
    }

    private static String randomSuffix() {
        return HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
    }

    private static void deleteQuietly(Path temp) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            LOG.warn("Could not remove temp file {}: {}", LogText.safe(temp), LogText.safe(e));
        }
    }

    @FunctionalInterface
    private interface TempContent {
        void writeTo(FileChannel channel) throws IOException;
    }

    /** Lets the body flush but never close the temp file's channel (closing is the writer's job). */
    private static final class KeepOpen extends FilterOutputStream {
        KeepOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
