package io.govflow.store.io;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import org.jspecify.annotations.Nullable;

/**
 * One store file kept parsed in memory and parsed again only when its content changed: the store's single "read if
 * changed" mechanism (metadata, knowledge graph, session files, thresholds).
 *
 * <p>Every {@link #get()} costs one stat of the path ({@link FileStamp}: size, mtime and file key, without
 * following a link) and answers from memory while the stamp is the one the value was read at. Otherwise the file is
 * read without following a symbolic link; when its bytes are the ones already held (same SHA-256, e.g. a rewrite
 * with the same content) the value is kept, else the bytes are parsed. The stamp is taken before the read, so a
 * file replaced in between is read again at the next use.
 *
 * <p>The racy window: a second write within one mtime tick that keeps size and file key (a rewrite in place, or an
 * inode freed by one atomic replace and reused by the next) leaves the stamp as it was. A stamp is therefore
 * trusted only when it was observed later than the file system's mtime granularity after the file's mtime
 * ({@link #racyWindowNanos}); until then every use reads the file again (and parses it only if the bytes differ).
 *
 * <p>No file → the {@code absent} value (nothing is created). A damaged file — not a regular file (a planted link,
 * a directory, a device), unreadable, or refused by the parser with {@link FileFormatException} — is the error the
 * caller's {@link Damage} builds (its own error code). Damage is never cached: the file is read again at the next
 * use, so a repaired file is served at once.
 *
 * <p>Writers replace the file under its lock and then call {@link #observeWritten(Object, byte[])} with the value
 * and the bytes they wrote, so the next use does not parse them again. For example, a registry kept in one file:
 * <pre>{@code
 * CachedFile<SortedMap<String, AgentRecord>> registry = new CachedFile<>(file, "agent metadata",
 *         Collections.emptySortedMap(), codec::parse, AgentFileErrors::metadataCorrupt);
 * registry.get();                          // every read: one stat, a parse only after a change
 * byte[] bytes = codec.format(next);       // under the lock:
 * writer.write(file, bytes);
 * registry.observeWritten(Collections.unmodifiableSortedMap(next), bytes);
 * registry.reread();                       // before a negative answer: the file as it is now
 * }</pre>
 * Values are shared by every caller: they must be immutable. Thread-safe without a lock of its own: concurrent uses
 * may both read a changed file, and a value that loses the race is caught by the stamp check of the next use.
 */
public final class CachedFile<T> {

    /** File systems that keep whole seconds (FAT keeps even ones). */
    static final long COARSE_MTIME_WINDOW_NANOS = TimeUnit.SECONDS.toNanos(2);
    /**
     * File systems with sub-second mtimes: the kernel stamps with a clock that advances once per tick (at most
     * 10 ms) and lags the wall clock by up to one tick; the rest is margin.
     */
    static final long FINE_MTIME_WINDOW_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    /** Turns the file's bytes into a value. */
    @FunctionalInterface
    public interface Parser<T> {

        /** Throws {@link FileFormatException} when the bytes are not a valid file of this kind. */
        T parse(byte[] content) throws IOException;
    }

    /** Builds the caller's error for a damaged file (and logs it: the cause never reaches a client). */
    @FunctionalInterface
    public interface Damage {

        RuntimeException report(Path file, Exception cause);
    }

    private final Path path;
    private final String what;
    private final T absent;
    private final Parser<? extends T> parser;
    private final Damage damage;
    private final ReentrantLock loading = new ReentrantLock();
    private volatile @Nullable Snapshot<T> snapshot;

    /**
     * @param what    names the file in log lines ("knowledge graph")
     * @param absent  the value while no file exists
     */
    public CachedFile(Path path, String what, T absent, Parser<? extends T> parser, Damage damage) {
        this.path = path;
        this.what = what;
        this.absent = absent;
        this.parser = parser;
        this.damage = damage;
    }

    public Path path() {
        return path;
    }

    /** The file's value as it is on disk now: from memory while its stamp is unchanged and settled, else read. */
    public T get() {
        long calledAt = System.nanoTime();
        FileStamp stamp = stamp();
        Snapshot<T> cached = snapshot;
        if (cached != null && cached.trusts(stamp)) {
            return cached.value();
        }
        return loadAfter(calledAt);
    }

    /** The file's value read now, whatever its stamp (a negative answer is given only after this). */
    public T reread() {
        return loadAfter(System.nanoTime());
    }

    /**
     * Reads the file unless a read that began after {@code calledAt} (or a write observed after it) already answered:
     * callers arriving together, as in the racy window after each write, share one read instead of each reading the
     * whole file.
     */
    private T loadAfter(long calledAt) {
        loading.lock();
        try {
            Snapshot<T> cached = snapshot;
            if (cached != null && cached.takenAt() - calledAt >= 0) {
                return cached.value();
            }
            long takenAt = System.nanoTime();
            long observedAt = wallClockNanos();
            return load(stamp(), observedAt, takenAt, cached);
        } finally {
            loading.unlock();
        }
    }

    /**
     * Records that the file now holds {@code value} at {@code stamp} (null: no file). For a writer that replaced the
     * file under its lock and took the stamp just after the replace.
     */
    public void observe(@Nullable FileStamp stamp, T value) {
        snapshot = new Snapshot<>(stamp, wallClockNanos(), System.nanoTime(), value, null);
    }

    /** Records that the file now holds {@code value}, just written by the caller under the file's lock. */
    public void observeWritten(T value) {
        observeAfterWrite(value, null);
    }

    /**
     * Records that the file now holds {@code value}, whose bytes {@code content} the caller just wrote under the
     * file's lock; a use inside the racy window then reads the file but does not parse it again.
     */
    public void observeWritten(T value, byte[] content) {
        observeAfterWrite(value, sha256(content));
    }

    /** Drops the value held, so that the next use reads and parses the file. */
    public void forget() {
        snapshot = null;
    }

    /** The file's stamp now (without following a link); null when nothing is at the path. */
    public @Nullable FileStamp stamp() {
        try {
            return FileStamp.of(path);
        } catch (IOException e) {
            throw StorageErrors.readFailed(what + " attributes", path, e);
        }
    }

    private void observeAfterWrite(T value, byte @Nullable [] digest) {
        long takenAt = System.nanoTime();
        long observedAt = wallClockNanos();
        FileStamp stamp;
        try {
            stamp = FileStamp.of(path);
        } catch (IOException e) {
            // The write itself succeeded: never fail it for this; the next use reads the file.
            snapshot = null;
            return;
        }
        snapshot = new Snapshot<>(stamp, observedAt, takenAt, value, digest);
    }

    private T load(@Nullable FileStamp stamp, long observedAt, long takenAt, @Nullable Snapshot<T> cached) {
        if (stamp == null) {
            snapshot = new Snapshot<>(null, observedAt, takenAt, absent, null);
            return absent;
        }
        if (!stamp.regularFile()) {
            snapshot = null;
            throw damage.report(path, new FileFormatException("not a regular file (a link, a directory or a device)"));
        }
        T value;
        byte[] digest;
        try {
            byte[] content = NoFollow.readAllBytes(path);
            digest = sha256(content);
            value = cached != null && cached.holds(digest) ? cached.value()
                    : Objects.requireNonNull(parser.parse(content), "parser returned null");
        } catch (NoSuchFileException e) {
            // Removed after the stat: answer "absent" without holding it against the stamp of the removed file.
            snapshot = null;
            return absent;
        } catch (IOException | FileFormatException e) {
            snapshot = null;
            throw damage.report(path, e);
        }
        snapshot = new Snapshot<>(stamp, observedAt, takenAt, value, digest);
        return value;
    }

    /** How long after its mtime a stamp may still be kept by a second write: the mtime granularity plus margin. */
    static long racyWindowNanos(long modifiedNanos) {
        return modifiedNanos % TimeUnit.SECONDS.toNanos(1) == 0 ? COARSE_MTIME_WINDOW_NANOS : FINE_MTIME_WINDOW_NANOS;
    }

    /** True when a value read at {@code stamp}, observed at {@code observedAtNanos} (epoch), may be used again. */
    static boolean settled(@Nullable FileStamp stamp, long observedAtNanos) {
        return stamp == null || observedAtNanos - stamp.modifiedNanos() > racyWindowNanos(stamp.modifiedNanos());
    }

    private static long wallClockNanos() {
        Instant now = Instant.now();
        return TimeUnit.SECONDS.toNanos(now.getEpochSecond()) + now.getNano();
    }

    private static byte[] sha256(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }

    /**
     * A value, the stamp the file had before it was read, when (wall clock, epoch nanos, taken before the stat)
     * that stamp was observed, and the SHA-256 of the bytes when known.
     */
    /**
     * @param observedAtNanos wall-clock time the stamp was taken (compared with the file's mtime)
     * @param takenAt         {@link System#nanoTime()} before the read began, or when the write was observed
     */
    private record Snapshot<T>(@Nullable FileStamp stamp, long observedAtNanos, long takenAt, T value,
            byte @Nullable [] digest) {

        boolean trusts(@Nullable FileStamp current) {
            return Objects.equals(stamp, current) && settled(current, observedAtNanos);
        }

        boolean holds(byte[] otherDigest) {
            return digest != null && MessageDigest.isEqual(digest, otherDigest);
        }
    }
}
