package io.govflow.store.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;

import io.govflow.error.ErrorCode;
import io.govflow.error.GovflowException;
import io.govflow.store.io.AtomicJsonWriter;
import io.govflow.store.io.DataDirectory;
import io.govflow.store.io.FileFormatException;
import io.govflow.store.io.LockHandle;
import io.govflow.store.io.LockKey;
import io.govflow.store.io.LockManager;
import io.govflow.store.io.SafeIds;
import io.govflow.store.io.StorageErrors;

/**
 * {@code agent_metadata.json}, shared by every agent and by every service instance on the data directory.
 *
 * <p>Reads are served from a cache that is reloaded when the file's stamp (size, mtime, file key) changes. A stamp
 * observed within {@link #RACY_WINDOW_NANOS} of the file's mtime is not trusted (a second write inside the same
 * mtime tick could keep the stamp), so such a file is read again.
 *
 * <p>Changes take the metadata lock, re-read the file if it changed on disk (another instance may have written
 * it), apply only the one agent's change on top of what is on disk, and write the whole file atomically. A damaged
 * file is {@code METADATA_CORRUPT}, never an empty registry.
 */
public final class MetadataRepository {

    static final long RACY_WINDOW_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final DataDirectory dataDirectory;
    private final AtomicJsonWriter writer;
    private final LockManager locks;
    private final MetadataCodec codec;
    private volatile Snapshot cache = Snapshot.NONE;

    public MetadataRepository(DataDirectory dataDirectory, AtomicJsonWriter writer, LockManager locks,
            MetadataCodec codec) {
        this.dataDirectory = dataDirectory;
        this.writer = writer;
        this.locks = locks;
        this.codec = codec;
    }

    /** Every agent's record, sorted by agent id (unmodifiable). */
    public SortedMap<String, AgentRecord> readAll() {
        return current().records();
    }

    public Optional<AgentRecord> find(String agentId) {
        return Optional.ofNullable(readAll().get(agentId));
    }

    /**
     * Applies {@code change} to one agent's record under the metadata lock, on top of the file's current content,
     * and writes the file. Throws {@code AGENT_NOT_FOUND} when the agent has no record. The change must keep the
     * agent id and should be a pure function (it may run on a record another instance just wrote).
     */
    public AgentRecord update(String agentId, UnaryOperator<AgentRecord> change) {
        try (LockHandle ignored = locks.acquire(LockKey.metadata())) {
            SortedMap<String, AgentRecord> records = current().records();
            AgentRecord existing = records.get(agentId);
            if (existing == null) {
                throw GovflowException.withDetails(ErrorCode.AGENT_NOT_FOUND, Map.of("agent_id", agentId), agentId);
            }
            AgentRecord changed = Objects.requireNonNull(change.apply(existing), "change returned null");
            if (!changed.agentId().equals(agentId)) {
                throw new IllegalArgumentException("a metadata change must not alter the agent id");
            }
            if (!changed.equals(existing)) {
                store(records, changed);
            }
            return changed;
        }
    }

    /**
     * Applies {@code change} to every record under the metadata lock and writes the file once if any record
     * changed (migration hashes plaintext keys this way). Returns the ids of the changed records.
     */
    public List<String> updateAll(UnaryOperator<AgentRecord> change) {
        try (LockHandle ignored = locks.acquire(LockKey.metadata())) {
            SortedMap<String, AgentRecord> next = new TreeMap<>(current().records());
            List<String> changed = new ArrayList<>();
            for (Map.Entry<String, AgentRecord> entry : next.entrySet()) {
                AgentRecord after = Objects.requireNonNull(change.apply(entry.getValue()), "change returned null");
                if (!after.agentId().equals(entry.getKey())) {
                    throw new IllegalArgumentException("a metadata change must not alter the agent id");
                }
                if (!after.equals(entry.getValue())) {
                    entry.setValue(after);
                    changed.add(entry.getKey());
                }
            }
            if (!changed.isEmpty()) {
                write(next);
            }
            return List.copyOf(changed);
        }
    }

    /** Adds a new agent's record under the metadata lock; {@code AGENT_EXISTS} if it is already registered. */
    public void create(AgentRecord record) {
        String agentId = SafeIds.agentId(record.agentId());
        try (LockHandle ignored = locks.acquire(LockKey.metadata())) {
            SortedMap<String, AgentRecord> records = current().records();
            if (records.containsKey(agentId)) {
                throw GovflowException.withDetails(ErrorCode.AGENT_EXISTS, Map.of("agent_id", agentId), agentId);
            }
            store(records, record);
        }
    }

    private void store(SortedMap<String, AgentRecord> onDisk, AgentRecord record) {
        SortedMap<String, AgentRecord> next = new TreeMap<>(onDisk);
        next.put(record.agentId(), record);
        write(next);
    }

    private void write(SortedMap<String, AgentRecord> next) {
        Path file = dataDirectory.metadataFile();
        writer.write(file, codec.format(next));
        cache = Snapshot.observe(stamp(file), Collections.unmodifiableSortedMap(next));
    }

    /** The cached snapshot while the file is unchanged, else the file read again. */
    private Snapshot current() {
        Path file = dataDirectory.metadataFile();
        FileStamp stamp = stamp(file);
        Snapshot cached = cache;
        if (cached.trusts(stamp)) {
            return cached;
        }
        Snapshot loaded = Snapshot.observe(stamp, load(file));
        cache = loaded;
        return loaded;
    }

    private SortedMap<String, AgentRecord> load(Path file) {
        try {
            return codec.parse(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return Collections.emptySortedMap();
        } catch (IOException | FileFormatException e) {
            throw AgentFileErrors.metadataCorrupt(file, e);
        }
    }

    private static @Nullable FileStamp stamp(Path file) {
        try {
            return FileStamp.of(file);
        } catch (IOException e) {
            throw StorageErrors.readFailed("agent metadata attributes", file, e);
        }
    }

    /** Records read at one stamp, and when (wall clock, nanoseconds since the epoch) that stamp was observed. */
    private record Snapshot(boolean valid, @Nullable FileStamp stamp, long observedAtNanos,
            SortedMap<String, AgentRecord> records) {

        static final Snapshot NONE = new Snapshot(false, null, 0, Collections.emptySortedMap());

        static Snapshot observe(@Nullable FileStamp stamp, SortedMap<String, AgentRecord> records) {
            return new Snapshot(true, stamp, wallClockNanos(), records);
        }

        boolean trusts(@Nullable FileStamp current) {
            if (!valid || !Objects.equals(stamp, current)) {
                return false;
            }
            return current == null || observedAtNanos - current.modifiedNanos() > RACY_WINDOW_NANOS;
        }

        private static long wallClockNanos() {
            Instant now = Instant.now();
            return TimeUnit.SECONDS.toNanos(now.getEpochSecond()) + now.getNano();
        }
    }
}
