package io.govflow.store.context;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.govflow.error.ErrorCode;
import io.govflow.error.GovflowException;
import io.govflow.store.io.AtomicFileWriter;
import io.govflow.store.io.DataDirectory;
import io.govflow.store.io.LockHandle;
import io.govflow.store.io.LockKey;
import io.govflow.store.io.LockManager;
import io.govflow.store.io.LogText;
import io.govflow.store.io.StorageErrors;
import io.govflow.store.io.StoreHealth;
import io.govflow.store.io.StoreJson;

/**
 * A tenant's context files under {@code workspace/workspace_{agent_id}/agent_context/}. Every path is built from
 * a validated type and checked to sit directly in the tenant's directory; symbolic links are never followed (a
 * linked tenant directory or document reads as absent and refuses writes). Reads never create anything.
 *
 * <p>The file store's {@link ContextStore}: a {@link #change} runs under {@link #lock(String)} (the per-tenant
 * manifest lock), so that a document, its previous copy and the manifest change together; the mutating methods
 * take the lock themselves as well (reentrant), which makes single calls safe on their own.
 */
public final class ContextRepository implements ContextStore {

    /** Larger files are not loaded; they read as damaged. */
    static final long MAX_READ_BYTES = 64L * 1024 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(ContextRepository.class);

    private final DataDirectory dataDirectory;
    private final AtomicFileWriter writer;
    private final LockManager locks;
    private final StoreHealth health;
    private final ManifestRebuild manifests;

    public ContextRepository(DataDirectory dataDirectory, AtomicFileWriter writer, LockManager locks,
            StoreHealth health, StoreJson json) {
        this.dataDirectory = dataDirectory;
        this.writer = writer;
        this.locks = locks;
        this.health = health;
        this.manifests = new ManifestRebuild(json);
    }

    /** The per-tenant lock that serializes every change of the tenant's documents and manifest. */
    public LockHandle lock(String agentId) {
        health.checkWritable();
        dataDirectory.ensureDirectory(writableDir(agentId)); // durable before the lock file appears in it
        return locks.acquire(LockKey.contextManifest(agentId));
    }

    @Override
    public Optional<byte[]> readDocument(String agentId, String type) {
        return read(agentId, ContextFileNames.document(type));
    }

    @Override
    public Optional<byte[]> readPrevious(String agentId, String type) {
        return read(agentId, ContextFileNames.previous(type));
    }

    public void writeDocument(String agentId, String type, byte[] content) {
        write(agentId, ContextFileNames.document(type), content);
    }

    public void writePrevious(String agentId, String type, byte[] content) {
        write(agentId, ContextFileNames.previous(type), content);
    }

    /** Removes the document and its previous copy; true when either existed. */
    public boolean delete(String agentId, String type) {
        try (LockHandle ignored = lock(agentId)) {
            Path dir = writableDir(agentId);
            boolean removed = remove(dir, ContextFileNames.document(type));
            removed |= remove(dir, ContextFileNames.previous(type));
            if (removed) {
                syncDirectory(dir);
            }
            return removed;
        }
    }

    /**
     * Removes every file of the tenant's context directory (documents, previous copies, manifest) durably, so an
     * id registered afresh after a purge starts without them; returns how many were removed. Symbolic links are
     * removed themselves, never followed.
     */
    @Override
    public int deleteAll(String agentId) {
        try (LockHandle ignored = lock(agentId)) {
            Optional<Path> dir = readableDir(agentId);
            if (dir.isEmpty()) {
                return 0;
            }
            int removed = 0;
            for (Path file : filesIn(dir.get())) {
                if (remove(dir.get(), file.getFileName().toString())) {
                    removed++;
                }
            }
            if (removed > 0) {
                syncDirectory(dir.get());
            }
            return removed;
        }
    }

    private static List<Path> filesIn(Path dir) {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                if (!Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                    files.add(entry);
                }
            }
        } catch (NoSuchFileException | NotDirectoryException e) {
            return List.of();
        } catch (IOException e) {
            throw StorageErrors.readFailed("context directory", dir, e);
        }
        return files;
    }

    /** Types that have a current document file, sorted. */
    @Override
    public List<String> storedTypes(String agentId) {
        Optional<Path> dir = readableDir(agentId);
        if (dir.isEmpty()) {
            return List.of();
        }
        List<String> types = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir.get())) {
            for (Path entry : entries) {
                ContextFileNames.typeOfDocument(entry.getFileName().toString())
                        .filter(type -> Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS))
                        .ifPresent(types::add);
            }
        } catch (NoSuchFileException | NotDirectoryException e) {
            return List.of();
        } catch (IOException e) {
            throw StorageErrors.readFailed("context directory", dir.get(), e);
        }
        types.sort(null);
        return types;
    }

    /**
     * The tenant's manifest. A missing manifest, or one that does not parse or names another tenant, is rebuilt
     * in memory from the documents on disk (the next write stores the rebuilt one).
     */
    @Override
    public ContextManifest manifest(String agentId) {
        return manifests.readOrRebuild(agentId, read(agentId, ContextFileNames.MANIFEST),
                () -> currentDocuments(agentId));
    }

    public void writeManifest(ContextManifest manifest) {
        write(manifest.agentId(), ContextFileNames.MANIFEST, manifests.encode(manifest));
    }

    @Override
    public <T> T change(String agentId, Function<ContextChange, T> work) {
        try (LockHandle ignored = lock(agentId)) {
            return work.apply(new LockedChange(agentId));
        }
    }

    /** The tenant's files while {@link #change} holds its lock. */
    private final class LockedChange implements ContextChange {

        private final String agentId;

        LockedChange(String agentId) {
            this.agentId = agentId;
        }

        @Override
        public Optional<byte[]> readDocument(String type) {
            return ContextRepository.this.readDocument(agentId, type);
        }

        @Override
        public void writeDocument(String type, byte[] content) {
            ContextRepository.this.writeDocument(agentId, type, content);
        }

        @Override
        public void writePrevious(String type, byte[] content) {
            ContextRepository.this.writePrevious(agentId, type, content);
        }

        @Override
        public boolean delete(String type) {
            return ContextRepository.this.delete(agentId, type);
        }

        @Override
        public ContextManifest manifest() {
            return ContextRepository.this.manifest(agentId);
        }

        @Override
        public void writeManifest(ContextManifest manifest) {
            if (!manifest.agentId().equals(agentId)) {
                throw new IllegalArgumentException("the manifest of another tenant");
            }
            ContextRepository.this.writeManifest(manifest);
        }
    }

    private Map<String, byte[]> currentDocuments(String agentId) {
        Map<String, byte[]> documents = new TreeMap<>();
        for (String type : storedTypes(agentId)) {
            readDocument(agentId, type).ifPresent(content -> documents.put(type, content));
        }
        return documents;
    }

    private Optional<byte[]> read(String agentId, String fileName) {
        Optional<Path> dir = readableDir(agentId);
        if (dir.isEmpty()) {
            return Optional.empty();
        }
        Path file = inside(dir.get(), fileName);
        if (Files.isSymbolicLink(file)) {
            LOG.warn("Ignoring a symbolic link in the context directory of {}", LogText.safe(agentId));
            return Optional.empty();
        }
        try (SeekableByteChannel channel = Files.newByteChannel(file,
                Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS))) {
            if (channel.size() > MAX_READ_BYTES) {
                LOG.warn("Context file of {} exceeds {} bytes; read as damaged", LogText.safe(agentId),
                        MAX_READ_BYTES);
                return Optional.of(new byte[0]);
            }
            try (InputStream in = Channels.newInputStream(channel)) {
                return Optional.of(in.readAllBytes());
            }
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw StorageErrors.readFailed("context file", file, e);
        }
    }

    private void write(String agentId, String fileName, byte[] content) {
        try (LockHandle ignored = lock(agentId)) {
            Path dir = writableDir(agentId);
            writer.write(inside(dir, fileName), content);
        }
    }

    private boolean remove(Path dir, String fileName) {
        Path file = inside(dir, fileName);
        try {
            return Files.deleteIfExists(file);
        } catch (IOException e) {
            throw StorageErrors.writeFailed("deleting", file, e);
        }
    }

    private void syncDirectory(Path dir) {
        dataDirectory.syncDirectory(dir);
    }

    /** The tenant's directory when it exists as a real directory (never created by reads). */
    private Optional<Path> readableDir(String agentId) {
        Path dir = dataDirectory.contextDir(agentId);
        if (linked(dir)) {
            LOG.warn("The context directory of {} is a symbolic link; ignoring it", LogText.safe(agentId));
            return Optional.empty();
        }
        return Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS) ? Optional.of(dir) : Optional.empty();
    }

    private Path writableDir(String agentId) {
        Path dir = dataDirectory.contextDir(agentId);
        if (linked(dir)) {
            LOG.error("The context directory of {} is a symbolic link; refusing to write",
                    LogText.safe(agentId));
            throw new GovflowException(ErrorCode.STORAGE_ERROR, Map.of(), null, null);
        }
        return dir;
    }

    /** True when the tenant directory or its {@code agent_context} child is a symbolic link. */
    private static boolean linked(Path contextDir) {
        Path tenant = Objects.requireNonNull(contextDir.getParent());
        return Files.isSymbolicLink(tenant) || Files.isSymbolicLink(contextDir);
    }

    private static Path inside(Path dir, String fileName) {
        Path file = dir.resolve(fileName).normalize();
        if (!dir.equals(file.getParent())) {
            throw new GovflowException(ErrorCode.INVALID_CONTEXT_TYPE);
        }
        return file;
    }
}
