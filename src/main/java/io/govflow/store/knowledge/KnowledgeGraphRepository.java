package io.govflow.store.knowledge;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

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

/**
 * {@code knowledge_graph.json}, shared by every service instance on the data directory.
 *
 * <p>Reads are served from the last version seen while the file is unchanged ({@link CachedFile}); the file is read
 * without following a symbolic link. Reads never write. Changes take {@code .knowledge_graph.lock}, apply to the
 * file's current content (another instance may have just written it) and replace the file atomically. A damaged
 * file, or a link planted in its place, is {@code STATE_CORRUPT}, never an empty graph.
 */
public final class KnowledgeGraphRepository implements KnowledgeGraphStore {

    private static final Logger LOG = LoggerFactory.getLogger(KnowledgeGraphRepository.class);

    private final AtomicJsonWriter writer;
    private final LockManager locks;
    private final KnowledgeGraphCodec codec;
    private final CachedFile<KnowledgeGraph> file;

    public KnowledgeGraphRepository(DataDirectory dataDirectory, AtomicJsonWriter writer, LockManager locks,
            KnowledgeGraphCodec codec) {
        this.writer = writer;
        this.locks = locks;
        this.codec = codec;
        this.file = new CachedFile<>(dataDirectory.knowledgeGraphFile(), "knowledge graph", KnowledgeGraph.EMPTY,
                codec::parse, KnowledgeGraphRepository::damaged);
    }

    @Override
    public KnowledgeGraphCodec codec() {
        return codec;
    }

    /** The current graph (an empty one when the file does not exist yet). */
    @Override
    public KnowledgeGraph read() {
        return file.get();
    }

    /**
     * Applies {@code change} to the file's current content under the knowledge-graph lock and writes the result
     * when it differs (by identity) from what was read. The change may throw to refuse; nothing is written then.
     */
    @Override
    public <T> T update(Function<KnowledgeGraph, Change<T>> change) {
        try (LockHandle ignored = locks.acquire(LockKey.knowledgeGraph())) {
            KnowledgeGraph before = file.get();
            Change<T> result = Objects.requireNonNull(change.apply(before), "change returned null");
            if (result.graph() != before) {
                byte[] content = codec.format(result.graph());
                writer.write(file.path(), content);
                file.observeWritten(result.graph(), content);
            }
            return result.value();
        }
    }

    private static GovflowException damaged(Path file, Exception cause) {
        LOG.error("Damaged knowledge graph file {}: {}", LogText.safe(file), LogText.safe(cause));
        return new GovflowException(ErrorCode.STATE_CORRUPT, Map.of("file", "knowledge_graph"), null, cause);
    }
}
