package io.govflow.store.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.govflow.error.ErrorCode;
import io.govflow.error.GovflowException;

/**
 * Two-layer locks: an in-JVM {@link ReentrantLock} per lock file in front of an OS lock
 * ({@link FileChannel#tryLock()}) on that file, polled every {@code retry} until {@code timeout}; at the
 * deadline {@code LOCK_TIMEOUT} (Retry-After 1 s). Never proceeds without the lock.
 *
 * <p>Java file locks are process-wide fcntl locks that closing <em>any</em> descriptor of the file drops, so the
 * in-JVM layer is JVM-wide (shared by every manager on the same path) and each lock file has exactly one open
 * channel, opened by the outermost acquisition and closed by its release. After locking, the channel's file is
 * checked to still be the file at the path (an unlinked lock file is retried). Lock files are deleted only by
 * maintenance, by the holder of the lock ({@link #deleteHeldLockFile}); other lockers then retry on a new file.
 *
 * <p>Reentrant per thread and key: only the outermost acquisition takes the OS lock. A thread that holds a lock
 * may only take keys that come later in {@link LockKey} order; a violation throws {@link IllegalStateException}
 * instead of risking a deadlock.
 */
public final class LockManager {

    private static final Logger LOG = LoggerFactory.getLogger(LockManager.class);
    private static final long LOCK_TIMEOUT_RETRY_AFTER_SECONDS = 1;
    private static final Object MISSING = new Object();
    private static final Object NO_FILE_KEY = new Object();
    /** Poll intervals this JVM may hold a busy lock before it leaves it free for other processes once. */
    private static final long STREAK_POLLS = 10;

    private static final ConcurrentHashMap<Path, Entry> ENTRIES = new ConcurrentHashMap<>();
    private static final ThreadLocal<List<Entry>> HELD = ThreadLocal.withInitial(ArrayList::new);

    private final DataDirectory dataDirectory;
    private final long timeoutNanos;
    private final long retryNanos;
    private final LockObserver observer;
    private final @Nullable SharedLocks shared;

    public LockManager(DataDirectory dataDirectory, Duration timeout, Duration retry) {
        this(dataDirectory, timeout, retry, LockObserver.NONE);
    }

    public LockManager(DataDirectory dataDirectory, Duration timeout, Duration retry, LockObserver observer) {
        this(dataDirectory, timeout, retry, observer, null);
    }

    /** With {@code shared} as the cross-process layer instead of lock files (the PostgreSQL store). */
    public LockManager(DataDirectory dataDirectory, Duration timeout, Duration retry, LockObserver observer,
            @Nullable SharedLocks shared) {
        if (timeout.isNegative() || retry.isNegative() || retry.isZero()) {
            throw new IllegalArgumentException("lock timeout must be >= 0 and retry > 0");
        }
        this.dataDirectory = dataDirectory;
        this.timeoutNanos = timeout.toNanos();
        this.retryNanos = retry.toNanos();
        this.observer = observer;
        this.shared = shared;
    }

    /** True when the locks are lock files in the data directory (false: the shared layer of a database store). */
    public boolean usesLockFiles() {
        return shared == null;
    }

    /** Takes the lock (creating its lock file if needed) or throws {@code LOCK_TIMEOUT} at the deadline. */
    public LockHandle acquire(LockKey key) {
        Entry entry = reference(dataDirectory.lockFile(key), key);
        boolean acquired = false;
        try {
            if (entry.jvmLock.isHeldByCurrentThread()) {
                entry.jvmLock.lock();
                acquired = true;
                return new LockHandle(this, key, entry);
            }
            checkOrder(entry);
            long start = System.nanoTime();
            lockBothLayers(entry, start + timeoutNanos);
            acquired = true;
            HELD.get().add(entry);
            observer.onAcquired(key, Duration.ofNanos(System.nanoTime() - start));
            return new LockHandle(this, key, entry);
        } finally {
            if (!acquired) {
                dereference(entry);
            }
        }
    }

    /**
     * Takes the lock only if it is free right now and its lock file already exists: never waits and never creates
     * the file (lock maintenance probes and removes lock files this way). Empty when the lock is held by another
     * thread, by the current thread, or by another process, and when there is no lock file.
     */
    public Optional<LockHandle> tryAcquireExisting(LockKey key) {
        Entry entry = reference(dataDirectory.lockFile(key), key);
        boolean acquired = false;
        try {
            if (entry.jvmLock.isHeldByCurrentThread()) {
                return Optional.empty();
            }
            checkOrder(entry);
            if (!entry.jvmLock.tryLock()) {
                return Optional.empty();
            }
            try {
                acquired = shared != null ? shared.tryLock(key) : lockExistingFile(entry);
            } finally {
                if (!acquired) {
                    entry.jvmLock.unlock();
                }
            }
            if (!acquired) {
                return Optional.empty();
            }
            HELD.get().add(entry);
            return Optional.of(new LockHandle(this, key, entry));
        } finally {
            if (!acquired) {
                dereference(entry);
            }
        }
    }

    /**
     * Unlinks the lock file of a lock the current thread holds, before it is released (nothing to do when the
     * locks are not lock files). Any other process waiting
     * on the old file finds it replaced after locking and retries on a new one, so two holders never coexist.
     */
    public void deleteHeldLockFile(LockHandle handle) {
        Entry entry = handle.entry();
        if (shared != null) {
            return; // no lock file: the shared layer's lock ends with its release
        }
        if (!entry.jvmLock.isHeldByCurrentThread() || entry.channel == null) {
            throw new IllegalStateException("lock " + handle.key() + " is not held by this thread");
        }
        try {
            Files.deleteIfExists(entry.path);
        } catch (IOException e) {
            throw StorageErrors.writeFailed("removing lock file", entry.path, e);
        }
    }

    /** True when the current thread holds the key (through any manager on the same data directory). */
    public boolean isHeldByCurrentThread(LockKey key) {
        Entry entry = ENTRIES.get(dataDirectory.lockFile(key));
        return entry != null && entry.jvmLock.isHeldByCurrentThread();
    }

    void release(LockHandle handle) {
        Entry entry = handle.entry();
        if (!entry.jvmLock.isHeldByCurrentThread()) {
            throw new IllegalStateException("lock " + handle.key() + " released by a thread that does not hold it");
        }
        try {
            if (entry.jvmLock.getHoldCount() == 1) {
                if (shared != null) {
                    shared.unlock(entry.key);
                } else {
                    releaseFile(entry);
                }
                forgetHeld(entry);
            }
        } finally {
            entry.jvmLock.unlock();
            dereference(entry);
        }
    }

    private void lockBothLayers(Entry entry, long deadline) {
        try {
            if (!entry.jvmLock.tryLock(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                throw timeout(entry.key);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw timeout(entry.key);
        }
        try {
            if (shared == null) {
                lockFile(entry, deadline);
            } else if (!shared.lock(entry.key, deadline)) {
                throw timeout(entry.key);
            }
        } catch (RuntimeException | Error e) {
            entry.jvmLock.unlock();
            throw e;
        }
    }

    private void lockFile(Entry entry, long deadline) {
        createParent(entry.path);
        yieldToOtherProcesses(entry, deadline);
        int unsureOpens = 0;
        while (true) {
            OpenedLockFile opened = open(entry.path);
            if (opened == null) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    throw timeout(entry.key);
                }
                if (++unsureOpens > 1) {
                    pause(Math.min(retryNanos, remaining), null, entry.key);
                }
                continue;
            }
            FileLock lock = poll(opened.channel(), entry, deadline);
            if (identity(entry.path).equals(opened.identity())) {
                entry.channel = opened.channel();
                entry.fileLock = lock;
                startOrContinueStreak(entry);
                return;
            }
            LOG.warn("Lock file {} was replaced while waiting; retrying", LogText.safe(entry.path));
            closeQuietly(opened.channel());
        }
    }

    /**
     * Another process only polls the OS lock (every {@code retry}), while this JVM's threads hand it to each other
     * within microseconds: a busy lock would never be free when the other process looks. So once this JVM has held
     * the lock without a pause of a whole poll interval for {@link #STREAK_POLLS} intervals, the next holder
     * leaves it free for a little more than one interval before taking it (within its deadline). The cost is bounded
     * to about one interval in {@link #STREAK_POLLS} on a lock that is busy all the time.
     */
    private void yieldToOtherProcesses(Entry entry, long deadline) {
        long now = System.nanoTime();
        if (entry.streakStart == 0 || now - entry.releasedAt >= retryNanos) {
            entry.streakStart = 0;
            return;
        }
        if (now - entry.streakStart < STREAK_POLLS * retryNanos) {
            return;
        }
        entry.streakStart = 0;
        long freeUntil = entry.releasedAt + retryNanos + retryNanos / 4;
        long wait = Math.min(freeUntil - now, (deadline - now) / 2);
        if (wait > 0) {
            pause(wait, null, entry.key);
        }
    }

    private static void startOrContinueStreak(Entry entry) {
        long now = System.nanoTime();
        if (entry.streakStart == 0) {
            entry.streakStart = now;
        }
    }

    /** One non-blocking attempt on an existing lock file; true when it is now locked by {@code entry}. */
    private boolean lockExistingFile(Entry entry) {
        Object before = identity(entry.path);
        if (before == MISSING) {
            return false;
        }
        FileChannel channel;
        try {
            channel = FileChannel.open(entry.path, StandardOpenOption.READ, StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            throw StorageErrors.writeFailed("opening lock file", entry.path, e);
        }
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        } catch (IOException e) {
            closeQuietly(channel);
            throw StorageErrors.writeFailed("locking", entry.path, e);
        }
        if (lock == null || !identity(entry.path).equals(before)) {
            closeQuietly(channel);
            return false;
        }
        entry.channel = channel;
        entry.fileLock = lock;
        return true;
    }

    /** Opens the lock file; null when the file at the path changed while it was opened (so the result is unsure). */
    private @Nullable OpenedLockFile open(Path path) {
        try {
            Object before = identity(path);
            // never through a planted symlink: the lock must live on our own file in our own directory
            FileChannel channel = FileChannel.open(path, Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS), Directories.fileAttributes(path));
            Object after = identity(path);
            if (before == MISSING || !before.equals(after)) {
                closeQuietly(channel);
                return null;
            }
            return new OpenedLockFile(channel, after);
        } catch (IOException e) {
            throw StorageErrors.writeFailed("opening lock file", path, e);
        }
    }

    private FileLock poll(FileChannel channel, Entry entry, long deadline) {
        while (true) {
            try {
                FileLock lock = channel.tryLock();
                if (lock != null) {
                    return lock;
                }
            } catch (OverlappingFileLockException e) {
                LOG.warn("Lock file {} is locked elsewhere in this JVM outside the lock manager",
                        LogText.safe(entry.path));
            } catch (IOException e) {
                closeQuietly(channel);
                throw StorageErrors.writeFailed("locking", entry.path, e);
            }
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                closeQuietly(channel);
                throw timeout(entry.key);
            }
            pause(Math.min(retryNanos, remaining), channel, entry.key);
        }
    }

    private void pause(long nanos, @Nullable FileChannel channel, LockKey key) {
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (channel != null) {
                closeQuietly(channel);
            }
            throw timeout(key);
        }
    }

    private GovflowException timeout(LockKey key) {
        observer.onTimeout(key);
        return GovflowException.retryAfter(ErrorCode.LOCK_TIMEOUT, LOCK_TIMEOUT_RETRY_AFTER_SECONDS,
                Map.of("resource", key.kind().name().toLowerCase(Locale.ROOT)));
    }

    private static void checkOrder(Entry wanted) {
        for (Entry held : HELD.get()) {
            if (held.key.compareTo(wanted.key) > 0) {
                throw new IllegalStateException("lock order violation: " + wanted.key + " requested while holding "
                        + held.key);
            }
        }
    }

    private static void forgetHeld(Entry entry) {
        List<Entry> held = HELD.get();
        held.remove(entry);
        if (held.isEmpty()) {
            HELD.remove();
        }
    }

    private static void releaseFile(Entry entry) {
        entry.releasedAt = System.nanoTime();
        FileLock lock = entry.fileLock;
        FileChannel channel = entry.channel;
        entry.fileLock = null;
        entry.channel = null;
        try {
            if (lock != null && lock.isValid()) {
                lock.release();
            }
        } catch (IOException e) {
            LOG.warn("Could not release lock {}: {}", LogText.safe(entry.path), LogText.safe(e));
        } finally {
            if (channel != null) {
                closeQuietly(channel);
            }
        }
    }

    /** The lock file's directory may be the first thing a write creates: it is fsynced into its parent like any. */
    private void createParent(Path path) {
        dataDirectory.ensureDirectory(Objects.requireNonNull(path.getParent()));
    }

    /** The file's identity (device + inode), {@link #MISSING}, or {@link #NO_FILE_KEY} where there is none. */
    private static Object identity(Path path) {
        try {
            Object key = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
            return key == null ? NO_FILE_KEY : key;
        } catch (NoSuchFileException e) {
            return MISSING;
        } catch (IOException e) {
            throw StorageErrors.readFailed("lock file", path, e);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.warn("Could not close lock file channel: {}", LogText.safe(e));
        }
    }

    private static Entry reference(Path path, LockKey key) {
        return ENTRIES.compute(path, (p, existing) -> {
            Entry entry = existing == null ? new Entry(p, key) : existing;
            entry.users++;
            return entry;
        });
    }

    private static void dereference(Entry entry) {
        ENTRIES.computeIfPresent(entry.path, (p, current) -> {
            if (current != entry) {
                return current;
            }
            return --current.users == 0 ? null : current;
        });
    }

    private record OpenedLockFile(FileChannel channel, Object identity) {
    }

    /** One lock file's JVM-wide state; {@code users} is only touched inside the map's compute functions. */
    static final class Entry {
        final Path path;
        final LockKey key;
        /** Fair, so that no thread of this JVM waits while others keep taking the lock. */
        final ReentrantLock jvmLock = new ReentrantLock(true);
        int users;
        /** When this JVM's current run of holding the OS lock began (0: none); read and written under jvmLock. */
        long streakStart;
        /** When the OS lock was last released by this JVM; read and written under jvmLock. */
        long releasedAt;
        @Nullable FileChannel channel;
        @Nullable FileLock fileLock;

        Entry(Path path, LockKey key) {
            this.path = path;
            this.key = key;
        }
    }
}
