package io.govflow.store.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.govflow.error.ErrorCode;
import io.govflow.error.GovflowException;

/**
 * The store's read-only latch. A failed fsync of an update-log append or of a directory latches it: retrying an
 * fsync can report success after the data is gone, so nothing more is written.
 *
 * <p>The latch has two parts. This instance's own latch lasts until it restarts. The shared part is the marker
 * file {@value #MARKER} in the data directory, written (best effort) when the latch is set: every instance on the
 * data directory checks it before each write and refuses writes while it exists, across restarts, until an
 * operator removes it after checking the disk. Instances without a data directory (some tools and tests) have
 * only the first part.
 */
public final class StoreHealth {

    /** The shared read-only marker's file name, in the data directory's root. */
    public static final String MARKER = ".read-only";

    /** Retry-After sent with {@code STORE_READ_ONLY}. */
    public static final long READ_ONLY_RETRY_AFTER_SECONDS = 30;

    private static final Logger LOG = LoggerFactory.getLogger(StoreHealth.class);

    /** Retry-After sent with {@code CHECKPOINT_BACKLOG}. */
    public static final long BACKLOG_RETRY_AFTER_SECONDS = 5;

    private final AtomicReference<@Nullable String> reason = new AtomicReference<>();
    private volatile boolean backlogged;
    private final @Nullable Path marker;
    private final Clock clock;

    /** A latch for this instance only, with no shared marker. */
    public StoreHealth() {
        this.marker = null;
        this.clock = Clock.systemUTC();
    }

    /** A latch shared through the marker file in {@code dataDir}. */
    public StoreHealth(Path dataDir) {
        this(dataDir, Clock.systemUTC());
    }

    public StoreHealth(Path dataDir, Clock clock) {
        this.marker = dataDir.toAbsolutePath().normalize().resolve(MARKER);
        this.clock = clock;
    }

    /** True while this instance is latched or the shared marker exists. */
    public boolean readOnly() {
        return reason.get() != null || markerPresent();
    }

    /** True when the read-only marker of the data directory exists (whoever wrote it). */
    public boolean markerPresent() {
        return marker != null && Files.exists(marker, LinkOption.NOFOLLOW_LINKS);
    }

    /** Why the store is read-only, or null while it is writable. */
    public @Nullable String readOnlyReason() {
        String own = reason.get();
        if (own != null) {
            return own;
        }
        return markerPresent() ? "the data directory's read-only marker " + MARKER + " exists" : null;
    }

    /** Latches the store read-only and writes the shared marker; the first reason is kept. */
    public void latchReadOnly(String why) {
        if (reason.compareAndSet(null, why)) {
            LOG.error("Store latched read-only: {}. Other instances on this data directory stop writing too. "
                    + "Check the disk, remove {} from the data directory, then restart this instance.",
                    LogText.safe(why), MARKER);
            writeMarker(why);
        }
    }

    /** Throws {@code STORE_READ_ONLY} (Retry-After 30 s) while the latch is set or the marker exists. */
    public void checkWritable() {
        checkNotReadOnly();
        if (backlogged) {
            throw GovflowException.retryAfter(ErrorCode.CHECKPOINT_BACKLOG, BACKLOG_RETRY_AFTER_SECONDS, Map.of());
        }
    }

    /**
     * For the store's own writers, checkpoints included: only the read-only latch stops them (a checkpoint backlog
     * refuses new writes so that checkpoints can catch up).
     */
    public void checkNotReadOnly() {
        if (readOnly()) {
            throw readOnlyException();
        }
    }

    /** Set while a checkpoint is further behind its log than the hard cap: new writes are refused meanwhile. */
    public void backlog(boolean behind) {
        if (behind != backlogged) {
            backlogged = behind;
            if (behind) {
                LOG.error("checkpoints are further behind the update logs than govflow.store.max-checkpoint-lag: "
                        + "new writes are refused (CHECKPOINT_BACKLOG) until they catch up");
            } else {
                LOG.info("checkpoints caught up: writes are accepted again");
            }
        }
    }

    public boolean backlogged() {
        return backlogged;
    }

    static GovflowException readOnlyException() {
        return GovflowException.retryAfter(ErrorCode.STORE_READ_ONLY, READ_ONLY_RETRY_AFTER_SECONDS, Map.of());
    }

    /**
     * Best effort: the disk just failed an fsync, so this may fail too; then the other instances keep writing
     * until they hit the fault themselves, and this one stays latched anyway. Written with the plain system
     * calls, never through the fault-injection seam.
     */
    private void writeMarker(String why) {
        Path file = marker;
        if (file == null) {
            return;
        }
        String text = "read-only since " + Timestamps.now(clock) + " (pid " + ProcessHandle.current().pid() + "): "
                + why + "\nCheck the disk, then delete this file and restart the instance that wrote it.\n";
        try (FileChannel channel = FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING, LinkOption.NOFOLLOW_LINKS), Directories.fileAttributes(file))) {
            ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(true);
            Fsync.SYSTEM.directory(Objects.requireNonNull(file.getParent()));
        } catch (IOException | RuntimeException e) {
            LOG.error("Could not write the read-only marker {}: {}", MARKER, LogText.safe(e));
        }
    }
}
