package io.govflow.flow.maintenance;

import org.jspecify.annotations.Nullable;

/**
 * One lock file in a lock report.
 *
 * @param file   relative to the data directory
 * @param kind   {@code agent, session, knowledge_graph, context_manifest, thresholds, metadata} or {@code foreign}
 *               (a reference server's lock file, never used by this service)
 * @param held   some thread or process held it when probed
 * @param orphan it protects no data (no record and no files of its id, or a foreign file)
 * @param action {@code kept}, {@code removed} or, in a dry run, {@code would_remove}; null in a listing
 */
public record LockFileStatus(String file, String kind, @Nullable String id, boolean held, boolean orphan,
        long ageSeconds, @Nullable String action) {

    public static final String KEPT = "kept";
    public static final String REMOVED = "removed";
    public static final String WOULD_REMOVE = "would_remove";
}
