package io.govflow.store.io;

import java.util.Comparator;
import java.util.Locale;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * What a lock protects, and where its lock file lives (relative to the data directory). The declaration order of
 * {@link Kind} is the one lock order of the service: agent → session → knowledge graph → context manifest →
 * thresholds → metadata; keys of one kind are taken in ascending id order.
 */
public record LockKey(Kind kind, @Nullable String id) implements Comparable<LockKey> {

    /** Lock kinds in lock order. */
    public enum Kind {
        AGENT, SESSION, KNOWLEDGE_GRAPH, CONTEXT_MANIFEST, THRESHOLDS, METADATA
    }

    private static final Comparator<LockKey> ORDER = Comparator.comparing(LockKey::kind)
            .thenComparing(key -> Objects.requireNonNullElse(key.id(), ""));

    public LockKey {
        boolean needsId = kind == Kind.AGENT || kind == Kind.SESSION || kind == Kind.CONTEXT_MANIFEST;
        if (needsId != (id != null)) {
            throw new IllegalArgumentException(kind + (needsId ? " lock needs an id" : " lock takes no id"));
        }
        if (id != null) {
            id = kind == Kind.SESSION ? SafeIds.sessionId(id) : SafeIds.agentId(id);
        }
    }

    /** {@code agents/.{id}_state.lock} */
    public static LockKey agent(String agentId) {
        return new LockKey(Kind.AGENT, agentId);
    }

    /** {@code .metadata.lock} */
    public static LockKey metadata() {
        return new LockKey(Kind.METADATA, null);
    }

    /** {@code dialectic_sessions/.{sid}.lock} */
    public static LockKey session(String sessionId) {
        return new LockKey(Kind.SESSION, sessionId);
    }

    /** {@code .knowledge_graph.lock} */
    public static LockKey knowledgeGraph() {
        return new LockKey(Kind.KNOWLEDGE_GRAPH, null);
    }

    /** {@code workspace/workspace_{id}/agent_context/.manifest.lock} */
    public static LockKey contextManifest(String agentId) {
        return new LockKey(Kind.CONTEXT_MANIFEST, agentId);
    }

    /** {@code .thresholds.lock} */
    public static LockKey thresholds() {
        return new LockKey(Kind.THRESHOLDS, null);
    }

    /** The lock file's path relative to the data directory, with '/' separators. */
    public String relativePath() {
        return switch (kind) {
            case AGENT -> "agents/." + id + "_state.lock";
            case SESSION -> "dialectic_sessions/." + id + ".lock";
            case KNOWLEDGE_GRAPH -> ".knowledge_graph.lock";
            case CONTEXT_MANIFEST -> "workspace/workspace_" + id + "/agent_context/.manifest.lock";
            case THRESHOLDS -> ".thresholds.lock";
            case METADATA -> ".metadata.lock";
        };
    }

    /** Lock order: negative when this key must be taken before {@code other}. */
    @Override
    public int compareTo(LockKey other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return id == null ? kind.name().toLowerCase(Locale.ROOT)
                : kind.name().toLowerCase(Locale.ROOT) + ":" + id;
    }
}
