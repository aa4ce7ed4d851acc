package io.govflow.store.io;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.govflow.error.ErrorCode;
import io.govflow.error.GovflowException;

/**
 * The store's read-only latch. A failed fsync of an update-log append or of a directory latches it until
 * restart: retrying an fsync can report success after the data is gone, so nothing more is written. Every
 * writer calls {@link #checkWritable()} first.
 */
public final class StoreHealth {

    /** Retry-After sent with {@code STORE_READ_ONLY}. */
    public static final long READ_ONLY_RETRY_AFTER_SECONDS = 30;

    private static final Logger LOG = LoggerFactory.getLogger(StoreHealth.class);

    private final AtomicReference<@Nullable String> reason = new AtomicReference<>();

    public boolean readOnly() {
        return reason.get() != null;
    }

    /** Why the store went read-only, or null while it is writable. */
    public @Nullable String readOnlyReason() {
        return reason.get();
    }

    /** Latches the store read-only; the first reason is kept. */
    public void latchReadOnly(String why) {
        if (reason.compareAndSet(null, why)) {
            LOG.error("Store latched read-only until restart: {}", LogText.safe(why));
        }
    }

    /** Throws {@code STORE_READ_ONLY} (Retry-After 30 s) once the latch is set. */
    public void checkWritable() {
        if (readOnly()) {
            throw readOnlyException();
        }
    }

    static GovflowException readOnlyException() {
        return GovflowException.retryAfter(ErrorCode.STORE_READ_ONLY, READ_ONLY_RETRY_AFTER_SECONDS, Map.of());
    }
}
