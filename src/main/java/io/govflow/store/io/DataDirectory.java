package io.govflow.store.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The layout of the data directory ({@code govflow.data-dir}). Every path the store touches comes from here;
 * ids are checked with {@link SafeIds} before they become file names.
 */
public final class DataDirectory {

    private final Path root;
    private final StoreHealth health;
    private final Fsync fsync;
    /** Directories whose entry, and their parents' entries up to the root, this instance has made durable. */
    private final Set<Path> durableDirectories = ConcurrentHashMap.newKeySet();

    /** A layout whose directory fsync failures latch {@code health} read-only. */
    public DataDirectory(Path root, StoreHealth health) {
        this(root, health, Fsync.SYSTEM);
    }

    /** The same, syncing directories through {@code fsync} (the store's measured or test seam). */
    public DataDirectory(Path root, StoreHealth health, Fsync fsync) {
        this.root = root.toAbsolutePath().normalize();
        this.health = health;
        this.fsync = fsync;
    }

    /** A layout with its own read-only latch, shared with other instances through the marker file (tools, tests). */
    public DataDirectory(Path root) {
        this(root, new StoreHealth(root));
    }

    public Path root() {
        return root;
    }

    /** A path inside the data directory as reports and responses show it: relative, with '/' separators. */
    public String relative(Path path) {
        return root.relativize(path.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }

    public Path agentsDir() {
        return root.resolve("agents");
    }

    /** {@code agents/{id}_state.json} */
    public Path stateFile(String agentId) {
        return agentsDir().resolve(SafeIds.agentId(agentId) + "_state.json");
    }

    /** {@code agents/{id}_updates.jsonl} */
    public Path updateLog(String agentId) {
        return agentsDir().resolve(SafeIds.agentId(agentId) + "_updates.jsonl");
    }

    /** {@code {root}/{id}_state.json}, where the reference's older versions kept state files. */
    public Path legacyStateFile(String agentId) {
        return root.resolve(SafeIds.agentId(agentId) + "_state.json");
    }

    public Path metadataFile() {
        return root.resolve("agent_metadata.json");
    }

    public Path quarantineDir() {
        return root.resolve("quarantine");
    }

    public Path historyDir() {
        return root.resolve("history");
    }

    public Path exportsDir() {
        return root.resolve("exports");
    }

    public Path backupsDir() {
        return root.resolve("backups");
    }

    public Path sessionsDir() {
        return root.resolve("dialectic_sessions");
    }

    /** {@code dialectic_sessions/{sid}.json} */
    public Path sessionFile(String sessionId) {
        return sessionsDir().resolve(SafeIds.sessionId(sessionId) + ".json");
    }

    public Path knowledgeGraphFile() {
        return root.resolve("knowledge_graph.json");
    }

    // --- dialectic: the server secret that signs review messages ---
    /** {@code .govflow-secret}: the HMAC key of dialectic signatures (0600; never exported). */
    public Path secretFile() {
        return root.resolve(".govflow-secret");
    }
    // --- end dialectic ---

    /** {@code workspace/workspace_{id}/agent_context} */
    public Path contextDir(String agentId) {
        return root.resolve("workspace").resolve("workspace_" + SafeIds.agentId(agentId)).resolve("agent_context");
    }

    // --- lifecycle and migration (issue 4) ---

    /** {@code archives/}, where the reference kept its delete backups (with plaintext keys). */
    public Path archivesDir() {
        return root.resolve("archives");
    }

    /** {@code locks/}, the reference's per-agent lock files; this service never uses them. */
    public Path legacyLocksDir() {
        return root.resolve("locks");
    }

    /** {@code thresholds.json}, the runtime decision thresholds. */
    public Path thresholdsFile() {
        return root.resolve("thresholds.json");
    }

    // --- end lifecycle and migration ---

    /** The lock file of a key; nothing but the lock manager may open it. */
    public Path lockFile(LockKey key) {
        return root.resolve(key.relativePath());
    }

    /**
     * Creates the directory and missing parents (mode 0700 where supported) and makes its entry durable, whoever
     * created it: every directory this call creates is fsynced into its parent, and so, once per instance, is
     * each existing directory between {@code dir} and the root (another process or a lock file's creation may have
     * made it without an fsync, then died). Never fails because it exists. A failed fsync latches the store
     * read-only.
     */
    public void ensureDirectory(Path dir) {
        Path absolute = dir.toAbsolutePath().normalize();
        List<Path> created;
        try {
            created = Directories.createMissing(absolute);
        } catch (IOException e) {
            throw StorageErrors.writeFailed("creating directory", absolute, e);
        }
        if (created.isEmpty() && durableDirectories.contains(absolute)) {
            return;
        }
        for (Path newDirectory : created) {
            syncDirectory(Objects.requireNonNull(newDirectory.getParent()));
        }
        if (!absolute.startsWith(root)) {
            return;
        }
        for (Path d = absolute; !d.equals(root); d = Objects.requireNonNull(d.getParent())) {
            if (!created.contains(d) && !durableDirectories.contains(d)) {
                syncDirectory(Objects.requireNonNull(d.getParent()));
            }
        }
        for (Path d = absolute; !d.equals(root); d = Objects.requireNonNull(d.getParent())) {
            durableDirectories.add(d);
        }
    }

    /**
     * Forces a file's content to the device through the store's fsync seam, for the few files written outside
     * {@link AtomicFileWriter}. The caller decides what a failure means.
     */
    public void syncFile(java.nio.channels.FileChannel channel, Path file) throws IOException {
        fsync.file(channel, file, true);
    }

    /**
     * Whether the data directory, or the nearest existing parent it would be created in, accepts writes (false
     * once its file system was remounted read-only or its permissions changed).
     */
    public boolean acceptsWrites() {
        Path existing = root;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        return existing == null || Files.isWritable(existing);
    }

    /**
     * Deletes a file (a symbolic link itself, never its target) and makes the removal durable; false when there
     * was nothing to delete.
     */
    public boolean deleteDurably(Path file) {
        health.checkNotReadOnly();
        boolean deleted;
        try {
            deleted = Files.deleteIfExists(file);
        } catch (IOException e) {
            throw StorageErrors.writeFailed("deleting", file, e);
        }
        if (deleted) {
            syncDirectory(Objects.requireNonNull(file.toAbsolutePath().getParent()));
        }
        return deleted;
    }

    /** Makes a directory's entries durable; a failure latches the store read-only. */
    public void syncDirectory(Path dir) {
        try {
            fsync.directory(dir);
        } catch (IOException e) {
            throw StorageErrors.syncFailed(health, "directory", dir, e);
        }
    }
}
