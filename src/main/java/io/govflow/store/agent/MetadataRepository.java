package io.govflow.store.agent;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

import io.govflow.error.ErrorCode;
import io.govflow.error.GovflowException;
import io.govflow.store.io.AtomicJsonWriter;
import io.govflow.store.io.CachedFile;
import io.govflow.store.io.DataDirectory;
import io.govflow.store.io.LockHandle;
import io.govflow.store.io.LockKey;
import io.govflow.store.io.LockManager;
import io.govflow.store.io.SafeIds;

/**
 * {@code agent_metadata.json}, shared by every agent and by every service instance on the data directory.
 *
 * <p>Reads are served through the store's {@link CachedFile}: one stat per use, the file parsed again only after it
 * changed (racy-window aware), read without following a symbolic link.
 *
 * <p>Changes take the metadata lock, re-read the file if it changed on disk (another instance may have written
 * it), apply only the one agent's change on top of what is on disk, and write the whole file atomically. A damaged
 * file is {@code METADATA_CORRUPT}, never an empty registry; a damaged record makes only its agent
 * {@code METADATA_CORRUPT} (naming it), is left out of listings and is written back as stored.
 */
public final class MetadataRepository implements MetadataStore {

    private final DataDirectory dataDirectory;
    private final AtomicJsonWriter writer;
    private final LockManager locks;
    private final MetadataCodec codec;
    private final CachedFile<MetadataFile> registry;

    public MetadataRepository(DataDirectory dataDirectory, AtomicJsonWriter writer, LockManager locks,
            MetadataCodec codec) {
        this.dataDirectory = dataDirectory;
        this.writer = writer;
        this.locks = locks;
        this.codec = codec;
        this.registry = new CachedFile<>(dataDirectory.metadataFile(), "agent metadata", MetadataFile.EMPTY,
                codec::parse, AgentFileErrors::metadataCorrupt);
    }

    /** Every agent's record, sorted by agent id (unmodifiable). */
    @Override
    public SortedMap<String, AgentRecord> readAll() {
        return registry.get().records();
    }

    @Override
    public SortedMap<String, MetadataFile.DamagedRecord> damaged() {
        return registry.get().damaged();
    }

    /** The agent's record; an absent one is looked up again in the file as it is now before the answer is given. */
    @Override
    public Optional<AgentRecord> find(String agentId) {
        AgentRecord record = readAll().get(agentId);
        if (record != null) {
            return Optional.of(record);
        }
        MetadataFile now = registry.reread();
        requireReadable(now, agentId);
        return Optional.ofNullable(now.records().get(agentId));
    }

    /**
     * Applies {@code change} to one agent's record under the metadata lock, on top of the file's current content,
     * and writes the file. Throws {@code AGENT_NOT_FOUND} when the agent has no record. The change must keep the
     * agent id and should be a pure function (it may run on a record another instance just wrote).
     */
    @Override
    public AgentRecord update(String agentId, UnaryOperator<AgentRecord> change) {
        try (LockHandle ignored = locks.acquire(LockKey.metadata())) {
            MetadataFile onDisk = registry.get();
            requireReadable(onDisk, agentId);
            AgentRecord existing = onDisk.records().get(agentId);
            if (existing == null) {
                throw GovflowException.withDetails(ErrorCode.AGENT_NOT_FOUND, Map.of("agent_id", agentId), agentId);
            }
            AgentRecord changed = Objects.requireNonNull(change.apply(existing), "change returned null");
            if (!changed.agentId().equals(agentId)) {
                throw new IllegalArgumentException("a metadata change must not alter the agent id");
            }
            if (!changed.equals(existing)) {
                store(onDisk, changed);
            }
            return changed;
        }
    }

    /**
     * Applies {@code change} to every record under the metadata lock and writes the file once if any record
     * changed (migration hashes plaintext keys this way). Returns the ids of the changed records.
     */
    @Override
    public List<String> updateAll(UnaryOperator<AgentRecord> change) {
        try (LockHandle ignored = locks.acquire(LockKey.metadata())) {
            MetadataFile onDisk = registry.get();
            SortedMap<String, AgentRecord> next = new TreeMap<>(onDisk.records());
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
                write(onDisk.withRecords(next));
            }
            return List.copyOf(changed);
        }
    }

    /**
     * Applies each change to its agent's record under the metadata lock, on top of the file's current content, and
     * writes the file once if any record changed (the group commit of checkpoints). An id without a record is
     * skipped: a record purged on disk is never re-created. Returns the records after the changes, by id.
     */
    @Override
    public Map<String, AgentRecord> updateEach(Map<String, UnaryOperator<AgentRecord>> changes) {
        try (LockHandle ignored = locks.acquire(LockKey.metadata())) {
            MetadataFile onDisk = registry.get();
            SortedMap<String, AgentRecord> next = new TreeMap<>(onDisk.records());
            Map<String, AgentRecord> after = new TreeMap<>();
            boolean changed = false;
            for (Map.Entry<String, UnaryOperator<AgentRecord>> change : changes.entrySet()) {
                AgentRecord existing = next.get(change.getKey());
                if (existing == null) {
                    continue;
                }
                AgentRecord updated = Objects.requireNonNull(change.getValue().apply(existing), "change returned null");
                if (!updated.agentId().equals(change.getKey())) {
                    throw new IllegalArgumentException("a metadata change must not alter the agent id");
                }
                changed |= !updated.equals(existing);
                next.put(change.getKey(), updated);
                after.put(change.getKey(), updated);
            }
            if (changed) {
                write(onDisk.withRecords(next));
            }
            return after;
        }
    }

    /** Adds a new agent's record under the metadata lock; {@code AGENT_EXISTS} if it is already registered. */
    @Override
    public void create(AgentRecord record) {
        String agentId = SafeIds.agentId(record.agentId());
        try (LockHandle ignored = locks.acquire(LockKey.metadata())) {
            MetadataFile onDisk = registry.get();
            requireReadable(onDisk, agentId);
            if (onDisk.records().containsKey(agentId)) {
                throw GovflowException.withDetails(ErrorCode.AGENT_EXISTS, Map.of("agent_id", agentId), agentId);
            }
            store(onDisk, record);
        }
    }

    /** Removes the record under the metadata lock, from the file as it is now; false when it was not there. */
    @Override
    public boolean remove(String agentId) {
        try (LockHandle ignored = locks.acquire(LockKey.metadata())) {
            MetadataFile onDisk = registry.get();
            SortedMap<String, AgentRecord> next = new TreeMap<>(onDisk.records());
            if (next.remove(agentId) == null) {
                return false;
            }
            write(onDisk.withRecords(next));
            return true;
        }
    }

    private void store(MetadataFile onDisk, AgentRecord record) {
        SortedMap<String, AgentRecord> next = new TreeMap<>(onDisk.records());
        next.put(record.agentId(), record);
        write(onDisk.withRecords(next));
    }

    private void write(MetadataFile next) {
        byte[] content = codec.format(next);
        writer.write(dataDirectory.metadataFile(), content);
        registry.observeWritten(next, content);
    }

    /** Only the agent whose record cannot be read is unavailable: {@code METADATA_CORRUPT} naming it. */
    private static void requireReadable(MetadataFile file, String agentId) {
        MetadataFile.DamagedRecord damaged = file.damaged().get(agentId);
        if (damaged != null) {
            throw AgentFileErrors.recordCorrupt(agentId, damaged.problem());
        }
    }
}
