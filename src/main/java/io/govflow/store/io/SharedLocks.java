package io.govflow.store.io;

/**
 * The cross-process layer of {@link LockManager} when the store is not the data directory (the PostgreSQL store:
 * advisory locks that every replica on the database sees). It replaces the lock files; the in-JVM layer, the lock
 * order and the deadline stay {@link LockManager}'s. Called by the thread that holds the key's in-JVM lock.
 */
public interface SharedLocks {

    /** Takes the key for this process, polling until {@code deadlineNanos} ({@link System#nanoTime()}); false then. */
    boolean lock(LockKey key, long deadlineNanos);

    /** Takes the key only if it is free now. */
    boolean tryLock(LockKey key);

    void unlock(LockKey key);
}
