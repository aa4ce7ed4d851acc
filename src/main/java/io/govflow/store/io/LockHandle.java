package io.govflow.store.io;

/**
 * A held lock. {@link #close()} releases it (both layers on the outermost handle) and must be called by the
 * thread that acquired it, in reverse order of acquisition (try-with-resources does both).
 */
public final class LockHandle implements AutoCloseable {

    private final LockManager manager;
    private final LockKey key;
    private final LockManager.Entry entry;
    private volatile boolean closed;

    LockHandle(LockManager manager, LockKey key, LockManager.Entry entry) {
        this.manager = manager;
        this.key = key;
        this.entry = entry;
    }

    public LockKey key() {
        return key;
    }

    @Override
    public void close() {
        if (!closed) {
            manager.release(this);
            closed = true;
        }
    }

    LockManager.Entry entry() {
        return entry;
    }
}
