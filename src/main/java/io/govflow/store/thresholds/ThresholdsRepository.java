package io.govflow.store.thresholds;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.govflow.error.ErrorCode;
import io.govflow.error.GovflowException;
import io.govflow.store.io.AtomicJsonWriter;
import io.govflow.store.io.DataDirectory;
import io.govflow.store.io.FileFormatException;
import io.govflow.store.io.JsonFields;
import io.govflow.store.io.LockHandle;
import io.govflow.store.io.LockKey;
import io.govflow.store.io.LockManager;
import io.govflow.store.io.LogText;
import io.govflow.store.io.StorageErrors;
import io.govflow.store.io.StoreJson;
import io.govflow.store.io.Timestamps;

import tools.jackson.databind.node.ObjectNode;

/**
 * {@code thresholds.json}. Reads are served from a cache reloaded when the file's stamp (size, mtime, file key)
 * changes, so a change made by another instance is seen at the next read; a stamp observed within two seconds of
 * the file's mtime is not trusted. Writes take the thresholds lock and replace the file atomically. A damaged file
 * is {@code STORAGE_ERROR} (never "no thresholds") until an operator writes valid ones; that write first copies the
 * damaged file to {@code quarantine/}.
 */
public final class ThresholdsRepository {

    private static final Logger LOG = LoggerFactory.getLogger(ThresholdsRepository.class);
    private static final long RACY_WINDOW_NANOS = TimeUnit.SECONDS.toNanos(2);
    private static final Set<String> FIELDS = Set.of("risk_approve_threshold", "risk_revise_threshold",
            "coherence_critical_threshold", "void_threshold_initial", "updated_at");

    private final DataDirectory dataDirectory;
    private final AtomicJsonWriter writer;
    private final LockManager locks;
    private final StoreJson json;
    private final Clock clock;
    private volatile Cached cache = Cached.NONE;

    public ThresholdsRepository(DataDirectory dataDirectory, AtomicJsonWriter writer, LockManager locks,
            StoreJson json, Clock clock) {
        this.dataDirectory = dataDirectory;
        this.writer = writer;
        this.locks = locks;
        this.json = json;
        this.clock = clock;
    }

    /** The stored thresholds; empty when none were ever written. */
    public Optional<ThresholdsFile> read() {
        Path file = dataDirectory.thresholdsFile();
        Stamp stamp = Stamp.of(file);
        Cached cached = cache;
        if (cached.trusts(stamp)) {
            return cached.content();
        }
        Optional<ThresholdsFile> content = stamp == null ? Optional.empty() : Optional.of(load(file));
        cache = new Cached(true, stamp, wallClockNanos(), content);
        return content;
    }

    /**
     * Replaces the thresholds under the thresholds lock with {@code change} applied to what is on disk (empty when
     * none were ever written); the change may throw to refuse. Returns what was written.
     */
    public ThresholdsFile update(UnaryOperator<Optional<ThresholdsFile>> change) {
        try (LockHandle ignored = locks.acquire(LockKey.thresholds())) {
            Path file = dataDirectory.thresholdsFile();
            Optional<ThresholdsFile> current = currentForUpdate(file);
            ThresholdsFile next = Objects.requireNonNull(change.apply(current).orElse(null), "change returned empty");
            writer.writeJson(file, toObject(next));
            cache = Cached.NONE;
            return next;
        }
    }

    /** What is on disk; a damaged file is copied to {@code quarantine/} and then counts as none. */
    private Optional<ThresholdsFile> currentForUpdate(Path file) {
        if (Stamp.of(file) == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(load(file));
        } catch (GovflowException damaged) {
            byte[] content;
            try {
                content = Files.readAllBytes(file);
            } catch (IOException e) {
                throw StorageErrors.readFailed("thresholds", file, e);
            }
            Path target = dataDirectory.quarantineDir().resolve("thresholds.json.damaged-"
                    + Timestamps.fileStamp(clock) + "-" + ProcessHandle.current().pid());
            writer.write(target, content);
            LOG.warn("Copied the damaged thresholds file to {} before replacing it",
                    LogText.safe(target.getFileName()));
            return Optional.empty();
        }
    }

    private ThresholdsFile load(Path file) {
        try {
            ObjectNode o = json.parseObject(Files.readAllBytes(file));
            return new ThresholdsFile(JsonFields.requiredNumber(o, "risk_approve_threshold"),
                    JsonFields.requiredNumber(o, "risk_revise_threshold"),
                    JsonFields.requiredNumber(o, "coherence_critical_threshold"),
                    JsonFields.requiredNumber(o, "void_threshold_initial"),
                    JsonFields.nullableString(o, "updated_at"), JsonFields.unknownFields(o, FIELDS));
        } catch (IOException | FileFormatException e) {
            throw damaged(file, e);
        }
    }

    private ObjectNode toObject(ThresholdsFile t) {
        ObjectNode o = json.object();
        o.put("risk_approve_threshold", t.riskApprove());
        o.put("risk_revise_threshold", t.riskRevise());
        o.put("coherence_critical_threshold", t.coherenceCritical());
        o.put("void_threshold_initial", t.voidThresholdInitial());
        JsonFields.putNullable(o, "updated_at", t.updatedAt());
        JsonFields.putUnknown(o, t.unknownFields());
        return o;
    }

    private static GovflowException damaged(Path file, Exception reason) {
        LOG.error("Damaged thresholds file {}: {}", LogText.safe(file), LogText.safe(reason));
        return new GovflowException(ErrorCode.STORAGE_ERROR, Map.of("file", "thresholds.json"), null, reason);
    }

    private static long wallClockNanos() {
        Instant now = Instant.now();
        return TimeUnit.SECONDS.toNanos(now.getEpochSecond()) + now.getNano();
    }

    /** Size, mtime and file key of one version of the file. */
    private record Stamp(long size, long modifiedNanos, @Nullable Object fileKey) {

        static @Nullable Stamp of(Path path) {
            try {
                BasicFileAttributes attrs = Files.readAttributes(path, BasicFileAttributes.class);
                return new Stamp(attrs.size(), attrs.lastModifiedTime().to(TimeUnit.NANOSECONDS), attrs.fileKey());
            } catch (NoSuchFileException e) {
                return null;
            } catch (IOException e) {
                throw StorageErrors.readFailed("thresholds attributes", path, e);
            }
        }
    }

    private record Cached(boolean valid, @Nullable Stamp stamp, long observedAtNanos,
            Optional<ThresholdsFile> content) {

        static final Cached NONE = new Cached(false, null, 0, Optional.empty());

        boolean trusts(@Nullable Stamp current) {
            if (!valid || !Objects.equals(stamp, current)) {
                return false;
            }
            return current == null || observedAtNanos - current.modifiedNanos() > RACY_WINDOW_NANOS;
        }
    }
}
