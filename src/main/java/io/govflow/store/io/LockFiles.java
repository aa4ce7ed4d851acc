package io.govflow.store.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * The lock files present in the data directory, for lock maintenance. Each of this service's lock files comes with
 * its {@link LockKey}; foreign ones (the reference server's {@code locks/*.lock}, and {@code .{id}_state.lock} beside
 * legacy state files) have none. Listing reads directory entries only and never opens a lock file.
 */
public final class LockFiles {

    private static final String STATE_LOCK_SUFFIX = "_state.lock";
    private static final String MANIFEST_LOCK = ".manifest.lock";

    /**
     * One lock file.
     *
     * @param key the lock it belongs to; null for a foreign lock file
     */
    public record Found(Path path, String relativePath, @Nullable LockKey key, long sizeBytes, Instant modified) {

        public boolean foreign() {
            return key == null;
        }
    }

    private final DataDirectory dataDirectory;

    public LockFiles(DataDirectory dataDirectory) {
        this.dataDirectory = dataDirectory;
    }

    /** Every lock file, sorted by relative path. */
    public List<Found> list() {
        Path root = dataDirectory.root();
        List<Found> found = new ArrayList<>();
        scan(root, name -> switch (name) {
            case ".metadata.lock" -> Optional.of(LockKey.metadata());
            case ".knowledge_graph.lock" -> Optional.of(LockKey.knowledgeGraph());
            case ".thresholds.lock" -> Optional.of(LockKey.thresholds());
            default -> Optional.empty();
        }, found);
        scan(dataDirectory.agentsDir(), LockFiles::agentKey, found);
        scan(dataDirectory.sessionsDir(), LockFiles::sessionKey, found);
        scan(dataDirectory.legacyLocksDir(), name -> Optional.empty(), found);
        for (Path workspace : children(root.resolve("workspace"))) {
            String dir = workspace.getFileName().toString();
            if (dir.startsWith("workspace_") && SafeIds.isFileSafe(dir.substring("workspace_".length()))) {
                String agentId = dir.substring("workspace_".length());
                scan(workspace.resolve("agent_context"), name -> name.equals(MANIFEST_LOCK)
                        ? Optional.of(LockKey.contextManifest(agentId)) : Optional.empty(), found);
            }
        }
        found.sort(Comparator.comparing(Found::relativePath));
        return List.copyOf(found);
    }

    /**
     * Whether the data a lock protects has files on disk: an agent's state file, update log or legacy state file; a
     * session's file; any context document of a tenant. Global locks always protect data.
     */
    public boolean protectsFiles(LockKey key) {
        String id = key.id();
        return switch (key.kind()) {
            case AGENT -> id == null || Files.exists(dataDirectory.stateFile(id))
                    || Files.exists(dataDirectory.updateLog(id)) || Files.exists(dataDirectory.legacyStateFile(id));
            case SESSION -> id == null || Files.exists(dataDirectory.sessionFile(id));
            case CONTEXT_MANIFEST -> id == null || children(dataDirectory.contextDir(id)).stream()
                    .anyMatch(p -> !p.getFileName().toString().equals(MANIFEST_LOCK));
            case KNOWLEDGE_GRAPH, THRESHOLDS, METADATA -> true;
        };
    }

    /**
     * Whether nobody holds a foreign lock file right now. It gets a channel of its own: no lock of this service ever
     * uses these files, so closing that channel cannot drop a lock this process holds.
     */
    public boolean foreignFree(Found found) {
        return withForeignLock(found, false);
    }

    /** Unlinks a foreign lock file while holding its lock; false when it is held by someone or already gone. */
    public boolean deleteForeignIfFree(Found found) {
        return withForeignLock(found, true);
    }

    private boolean withForeignLock(Found found, boolean delete) {
        if (!found.foreign()) {
            throw new IllegalArgumentException("not a foreign lock file: " + found.relativePath());
        }
        try (FileChannel channel = FileChannel.open(found.path(), StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            FileLock lock = tryLock(channel);
            if (lock == null) {
                return false;
            }
            if (delete) {
                Files.deleteIfExists(found.path());
            }
            lock.release();
            return true;
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            throw StorageErrors.writeFailed("probing lock file", found.path(), e);
        }
    }

    private static @Nullable FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    private void scan(Path dir, Function<String, Optional<LockKey>> keyOf, List<Found> into) {
        for (Path file : children(dir)) {
            String name = file.getFileName().toString();
            if (!name.endsWith(".lock")) {
                continue;
            }
            BasicFileAttributes attrs = attributes(file);
            if (attrs == null || !attrs.isRegularFile()) {
                continue;
            }
            LockKey key = keyOf.apply(name).orElse(null);
            if (key != null && !dataDirectory.lockFile(key).equals(file)) {
                key = null;
            }
            into.add(new Found(file, dataDirectory.relative(file), key, attrs.size(), attrs.lastModifiedTime().toInstant()));
        }
    }

    private static Optional<LockKey> agentKey(String name) {
        if (name.startsWith(".") && name.endsWith(STATE_LOCK_SUFFIX)) {
            String id = name.substring(1, name.length() - STATE_LOCK_SUFFIX.length());
            if (SafeIds.isFileSafe(id)) {
                return Optional.of(LockKey.agent(id));
            }
        }
        return Optional.empty();
    }

    private static Optional<LockKey> sessionKey(String name) {
        if (name.startsWith(".")) {
            String id = name.substring(1, name.length() - ".lock".length());
            if (SafeIds.isFileSafe(id)) {
                return Optional.of(LockKey.session(id));
            }
        }
        return Optional.empty();
    }

    private static @Nullable BasicFileAttributes attributes(Path file) {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw StorageErrors.readFailed("lock file attributes", file, e);
        }
    }

    private static List<Path> children(Path dir) {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            entries.forEach(out::add);
        } catch (NoSuchFileException | NotDirectoryException e) {
            return List.of();
        } catch (IOException e) {
            throw StorageErrors.readFailed("directory", dir, e);
        }
        return out;
    }
}
