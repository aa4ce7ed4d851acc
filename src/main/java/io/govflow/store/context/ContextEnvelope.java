package io.govflow.store.context;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.node.ObjectNode;

/**
 * One context document: {@code v, t, u, ts, src, dc, d, s, m} in that order on disk. Schema {@code 1.0} has no
 * {@code dc}; a document read from disk may lack {@code s} or {@code m} (empty objects stand in for them).
 *
 * @param v   schema version
 * @param t   type, e.g. {@code governance.state}
 * @param u   the tenant (agent id)
 * @param ts  when it was written (UTC, storage format)
 * @param src the writer
 * @param dc  document context, absent in schema 1.0
 * @param d   the full data
 * @param s   the summary (fast path)
 * @param m   meta: sizes, hash, query hints, freshness, trimming
 */
public record ContextEnvelope(String v, String t, String u, String ts, String src, @Nullable ObjectNode dc,
        ObjectNode d, ObjectNode s, ObjectNode m) {

    public ContextEnvelope {
        Objects.requireNonNull(v, "v");
        Objects.requireNonNull(t, "t");
        Objects.requireNonNull(u, "u");
        Objects.requireNonNull(ts, "ts");
        Objects.requireNonNull(src, "src");
        Objects.requireNonNull(d, "d");
        Objects.requireNonNull(s, "s");
        Objects.requireNonNull(m, "m");
    }

    /** The same document with another data block (used to answer without {@code d}). */
    public ContextEnvelope withData(ObjectNode data) {
        return new ContextEnvelope(v, t, u, ts, src, dc, data, s, m);
    }
}
