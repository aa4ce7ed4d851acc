package io.govflow.store.knowledge;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.govflow.error.ErrorCode;
import io.govflow.error.GovflowException;
import io.govflow.store.io.AtomicJsonWriter;
import io.govflow.store.io.DataDirectory;
import io.govflow.store.io.FileFormatException;
import io.govflow.store.io.LockHandle;
import io.govflow.store.io.LockKey;
import io.govflow.store.io.LockManager;
import io.govflow.store.io.LogText;
import io.govflow.store.io.StorageErrors;

/**
 * {@code knowledge_graph.json}, shared by every service instance on the data directory.
 *
 * <p>Reads are served from the last version seen, reloaded when the file's stamp (size, mtime, file key) changes;
 * a stamp observed within two seconds of the file's mtime is not trusted (a second write in the same mtime tick
 * could keep it), so such a file is read again. Reads never write. Changes take {@code .knowledge_graph.lock},
 * apply to the file's current content (another instance may have just written it) and replace the file
 * atomically. A damaged file is {@code STATE_CORRUPT}, never an empty graph.
 */
public final class KnowledgeGraphRepository {

    private static final Logger LOG = LoggerFactory.getLogger(KnowledgeGraphRepository.class);
    private static final long RACY_WINDOW_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final DataDirectory dataDirectory;
    private final AtomicJsonWriter writer;
    private final LockManager locks;
    private final KnowledgeGraphCodec codec;
    private volatile Snapshot cache = new Snapshot(false, null, 0, KnowledgeGraph.EMPTY);

    public KnowledgeGraphRepository(DataDirectory dataDirectory, AtomicJsonWriter writer, LockManager locks,
            KnowledgeGraphCodec codec) {
        this.dataDirectory = dataDirectory;
        this.writer = writer;
        this.locks = locks;
        this.codec = codec;
    }

    public KnowledgeGraphCodec codec() {
        return codec;
    }

    /** The current graph (an empty one when the file does not exist yet). */
    public KnowledgeGraph read() {
        return current().graph();
    }

    /**
     * Applies {@code change} to the file's current content under the knowledge-graph lock and writes the result
     * when it differs (by identity) from what was read. The change may throw to refuse; nothing is written then.
     */
    public <T> T update(Function<KnowledgeGraph, Change<T>> change) {
        try (LockHandle ignored = locks.acquire(LockKey.knowledgeGraph())) {
            KnowledgeGraph before = current().graph();
            Change<T> result = Objects.requireNonNull(change.apply(before), "change returned null");
            if (result.graph() != before) {
                Path file = dataDirectory.knowledgeGraphFile();
                writer.write(file, codec.format(result.graph()));
                cache = Snapshot.observe(stamp(file), result.graph());
            }
            return result.value();
        }
    }

    /** What a change leaves behind: the next graph (the same instance for "nothing to write") and a result. */
    public record Change<T>(KnowledgeGraph graph, T value) {
    }

    private Snapshot current() {
        Path file = dataDirectory.knowledgeGraphFile();
        Stamp stamp = stamp(file);
        Snapshot cached = cache;
        if (cached.trusts(stamp)) {
            return cached;
        }
        Snapshot loaded = Snapshot.observe(stamp, load(file));
        cache = loaded;
        return loaded;
    }

    private KnowledgeGraph load(Path file) {
        try {
            return codec.parse(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return KnowledgeGraph.EMPTY;
        } catch (IOException | FileFormatException e) {
            LOG.error("Damaged knowledge graph file {}: {}", LogText.safe(file), LogText.safe(e));
            throw new GovflowException(ErrorCode.STATE_CORRUPT, Map.of("file", "knowledge_graph"), null, e);
        }
    }

    private static @Nullable Stamp stamp(Path file) {
        try {
            BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
            return new Stamp(attrs.size(), attrs.lastModifiedTime().to(TimeUnit.NANOSECONDS), attrs.fileKey());
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw StorageErrors.readFailed("knowledge graph attributes", file, e);
        }
    }

    private record Stamp(long size, long modifiedNanos, @Nullable Object fileKey) {
    }

    private record Snapshot(boolean valid, @Nullable Stamp stamp, long observedAtNanos, KnowledgeGraph graph) {

        static Snapshot observe(@Nullable Stamp stamp, KnowledgeGraph graph) {
            Instant now = Instant.now();
            return new Snapshot(true, stamp, TimeUnit.SECONDS.toNanos(now.getEpochSecond()) + now.getNano(), graph);
        }

        boolean trusts(@Nullable Stamp current) {
            if (!valid || !Objects.equals(stamp, current)) {
                return false;
            }
            return current == null || observedAtNanos - current.modifiedNanos() > RACY_WINDOW_NANOS;
        }
    }
}
