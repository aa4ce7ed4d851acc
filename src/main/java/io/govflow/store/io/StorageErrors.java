package io.govflow.store.io;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.govflow.error.ErrorCode;
import io.govflow.error.GovflowException;

/**
 * Maps I/O failures onto the client-facing codes. The path and the exception text go to the log (escaped),
 * never into the exception's details.
 */
public final class StorageErrors {

    /** {@code details.committed} when a failed fsync leaves it open whether the write reached the device. */
    public static final String COMMITTED_UNKNOWN = "unknown";

    private static final Logger LOG = LoggerFactory.getLogger(StorageErrors.class);

    private StorageErrors() {
    }

    /**
     * A write that did not commit: {@code DISK_FULL} when the device is out of space, {@code STORE_READ_ONLY}
     * (Retry-After 30 s, no latch: it clears when the file system is writable again) when the data directory's
     * file system is mounted read-only, else {@code STORAGE_ERROR}.
     */
    public static GovflowException writeFailed(String operation, Path path, IOException e) {
        if (isNoSpace(e)) {
            LOG.warn("No space left while {} {}: {}", operation, LogText.safe(path), LogText.safe(e));
            return new GovflowException(ErrorCode.DISK_FULL, Map.of(), null, e);
        }
        if (isReadOnlyFileSystem(e)) {
            LOG.warn("Read-only file system while {} {}: {}", operation, LogText.safe(path), LogText.safe(e));
            return new GovflowException(ErrorCode.STORE_READ_ONLY, Map.of(), StoreHealth.READ_ONLY_RETRY_AFTER_SECONDS,
                    e);
        }
        LOG.error("Storage failure while {} {}: {}", operation, LogText.safe(path), LogText.safe(e));
        return new GovflowException(ErrorCode.STORAGE_ERROR, Map.of(), null, e);
    }

    /**
     * A failed fsync: what it should have made durable may or may not be on the device, and cannot be known, so
     * the answer is {@code STORAGE_ERROR} with {@code details.committed: "unknown"} (never "nothing was
     * written"), and the store is latched read-only (shared through the marker file).
     */
    public static GovflowException syncFailed(StoreHealth health, String what, Path path, IOException e) {
        LOG.error("fsync failed for {} {}: {}", what, LogText.safe(path), LogText.safe(e));
        health.latchReadOnly("fsync failed for " + what);
        return new GovflowException(ErrorCode.STORAGE_ERROR, Map.of("committed", COMMITTED_UNKNOWN), null, e);
    }

    /** A read that failed for a reason other than the file being absent. */
    public static GovflowException readFailed(String what, Path path, IOException e) {
        LOG.error("Could not read {} {}: {}", what, LogText.safe(path), LogText.safe(e));
        return new GovflowException(ErrorCode.STORAGE_ERROR, Map.of(), null, e);
    }

    /** True when the exception (or a cause) reports ENOSPC or an exceeded quota. */
    public static boolean isNoSpace(@Nullable Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (mentionsNoSpace(t.getMessage())
                    || t instanceof FileSystemException fse && mentionsNoSpace(fse.getReason())) {
                return true;
            }
        }
        return false;
    }

    /** True when the exception (or a cause) reports EROFS. */
    public static boolean isReadOnlyFileSystem(@Nullable Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (mentions(t.getMessage(), "read-only file system")
                    || t instanceof FileSystemException fse && mentions(fse.getReason(), "read-only file system")) {
                return true;
            }
        }
        return false;
    }

    private static boolean mentions(@Nullable String text, String lowerCasePhrase) {
        return text != null && text.toLowerCase(Locale.ROOT).contains(lowerCasePhrase);
    }

    private static boolean mentionsNoSpace(@Nullable String text) {
        if (text == null) {
            return false;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        return lower.contains("no space left on device") || lower.contains("disk quota exceeded");
    }
}
