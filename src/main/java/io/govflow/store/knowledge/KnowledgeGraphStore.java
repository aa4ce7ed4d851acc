package io.govflow.store.knowledge;

import java.util.function.Function;

/**
 * Where the shared knowledge graph is kept. Reads never write and may be served from the last version seen while
 * the stored graph is unchanged. A change is a read-merge-write of the current stored graph (another instance may
 * have just changed it) that no other change interleaves with, across every instance sharing the store.
 */
public interface KnowledgeGraphStore {

    KnowledgeGraphCodec codec();

    /** The current graph (an empty one when nothing was ever stored). */
    KnowledgeGraph read();

    /**
     * Applies {@code change} to the current stored graph, exclusively, and stores the result when it differs (by
     * identity) from what was read. The change may throw to refuse; nothing is stored then.
     */
    <T> T update(Function<KnowledgeGraph, Change<T>> change);

    /** What a change leaves behind: the next graph (the same instance for "nothing to write") and a result. */
    record Change<T>(KnowledgeGraph graph, T value) {
    }
}
