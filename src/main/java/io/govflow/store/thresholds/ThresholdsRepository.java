package io.govflow.store.thresholds;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.govflow.error.ErrorCode;
import io.govflow.error.GovflowException;
import io.govflow.store.io.AtomicJsonWriter;
import io.govflow.store.io.CachedFile;
import io.govflow.store.io.DataDirectory;
import io.govflow.store.io.LockHandle;
import io.govflow.store.io.LockKey;
import io.govflow.store.io.LockManager;
import io.govflow.store.io.LogText;
import io.govflow.store.io.NoFollow;
import io.govflow.store.io.StorageErrors;
import io.govflow.store.io.StoreJson;
import io.govflow.store.io.Timestamps;

/**
 * {@code thresholds.json}. Reads are served from memory while the file is unchanged ({@link CachedFile}), so a change
 * made by another instance is seen at the next read; the file is read without following a symbolic link. Writes take
 * the thresholds lock and replace the file atomically. A damaged file, or a link planted in its place, is
 * {@code STORAGE_ERROR} (never "no thresholds") until an operator writes valid ones; that write first copies the
 * damaged file (for a link: where it pointed) to {@code quarantine/}.
 */
public final class ThresholdsRepository implements ThresholdsStore {

    private static final Logger LOG = LoggerFactory.getLogger(ThresholdsRepository.class);

    private final DataDirectory dataDirectory;
    private final AtomicJsonWriter writer;
    private final LockManager locks;
    private final ThresholdsCodec codec;
    private final Clock clock;
    private final CachedFile<Optional<ThresholdsFile>> file;

    public ThresholdsRepository(DataDirectory dataDirectory, AtomicJsonWriter writer, LockManager locks,
            StoreJson json, Clock clock) {
        this.dataDirectory = dataDirectory;
        this.writer = writer;
        this.locks = locks;
        this.codec = new ThresholdsCodec(json);
        this.clock = clock;
        this.file = new CachedFile<>(dataDirectory.thresholdsFile(), "thresholds", Optional.empty(),
                content -> Optional.of(codec.parse(content)), ThresholdsRepository::damaged);
    }

    /** The stored thresholds; empty when none were ever written. */
    @Override
    public Optional<ThresholdsFile> read() {
        return file.get();
    }

    /**
     * Replaces the thresholds under the thresholds lock with {@code change} applied to what is on disk (empty when
     * none were ever written); the change may throw to refuse. Returns what was written.
     */
    @Override
    public ThresholdsFile update(UnaryOperator<Optional<ThresholdsFile>> change) {
        try (LockHandle ignored = locks.acquire(LockKey.thresholds())) {
            Optional<ThresholdsFile> current = currentForUpdate();
            ThresholdsFile next = Objects.requireNonNull(change.apply(current).orElse(null), "change returned empty");
            byte[] content = codec.format(next);
            writer.write(file.path(), content);
            file.observeWritten(Optional.of(next), content);
            return next;
        }
    }

    /** What is on disk; a damaged file is copied to {@code quarantine/} and then counts as none. */
    private Optional<ThresholdsFile> currentForUpdate() {
        if (file.stamp() == null) {
            return Optional.empty();
        }
        try {
            return file.get();
        } catch (GovflowException damaged) {
            Path target = dataDirectory.quarantineDir().resolve("thresholds.json.damaged-"
                    + Timestamps.fileStamp(clock) + "-" + ProcessHandle.current().pid());
            writer.write(target, damagedContent(file.path()));
            LOG.warn("Copied the damaged thresholds file to {} before replacing it",
                    LogText.safe(target.getFileName()));
            return Optional.empty();
        }
    }

    /** The damaged file's bytes; for a planted link, where it points (its target is never read). */
    private static byte[] damagedContent(Path path) {
        try {
            if (Files.isSymbolicLink(path)) {
                return ("symbolic link to " + Files.readSymbolicLink(path) + "\n").getBytes(StandardCharsets.UTF_8);
            }
            return NoFollow.readAllBytes(path);
        } catch (IOException e) {
            throw StorageErrors.readFailed("thresholds", path, e);
        }
    }

    private static GovflowException damaged(Path file, Exception reason) {
        LOG.error("Damaged thresholds file {}: {}", LogText.safe(file), LogText.safe(reason));
        return new GovflowException(ErrorCode.STORAGE_ERROR, Map.of("file", "thresholds.json"), null, reason);
    }
}
