package io.govflow.flow.context;

import java.util.List;

import io.govflow.store.context.ManifestEntry.Related;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The canonical source of one service-maintained type. Implementations are beans; the read pipeline finds them
 * by {@link #type()}; they may live in the package of their store's capability. A type in the
 * {@code governance.*} namespace without a source answers {@code CONTEXT_NOT_FOUND}.
 *
 * <p>Freshness contract: {@link #derive} puts {@link #asOf} (as it was before deriving, or computed from the same
 * snapshot) into {@code d.as_of}; a stored document is fresh while its {@code d.as_of} equals the current
 * {@link #asOf}. Both must be cheap, take no lock and never write anything (not even a lock file). A source
 * without a change counter can stamp a digest of what it derives.
 */
public interface ContextSource {

    String type();

    /** A small stamp of the source's current version, e.g. {@code {"seq": 42, "ts": "…"}}. */
    JsonNode asOf(String agentId);

    /** The document content from the canonical store, with {@code d.as_of} set. */
    Derived derive(String agentId);

    /**
     * A derived document before its metadata is computed.
     *
     * @param src the writer name recorded in {@code src}
     * @param q   query hints
     */
    record Derived(String src, ObjectNode d, ObjectNode s, List<String> q, List<Related> related) {

        public Derived {
            q = List.copyOf(q);
            related = List.copyOf(related);
        }

        /** A document whose {@code d} is {@code as_of} first, then the fields of {@code body}. */
        public static Derived stamped(String src, JsonNode asOf, ObjectNode body, ObjectNode s, List<String> q,
                List<Related> related) {
            ObjectNode d = body.objectNode();
            d.set("as_of", asOf);
            d.setAll(body);
            return new Derived(src, d, s, q, related);
        }
    }
}
