package io.govflow.store.context;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One document in a tenant's manifest.
 *
 * @param ts      the document's {@code ts}
 * @param src     its writer
 * @param db      {@code m.db}
 * @param sb      {@code m.sb}
 * @param h       {@code m.h} (empty for a schema 1.0 document)
 * @param q       {@code m.q}, kept so the semantic fallback has query hints when the document is unreadable
 * @param related {@code dc.related_documents}
 */
public record ManifestEntry(String ts, String src, long db, long sb, String h, List<String> q,
        List<Related> related) {

    public ManifestEntry {
        Objects.requireNonNull(ts, "ts");
        Objects.requireNonNull(src, "src");
        Objects.requireNonNull(h, "h");
        q = List.copyOf(q);
        related = List.copyOf(related);
    }

    /** The entry describing an envelope as it is stored. */
    public static ManifestEntry of(ContextEnvelope envelope) {
        ObjectNode m = envelope.m();
        List<Related> related = new ArrayList<>();
        JsonNode links = envelope.dc() == null ? null : envelope.dc().get("related_documents");
        if (links != null && links.isArray()) {
            for (JsonNode link : links) {
                if (link.path("t").isString()) {
                    related.add(new Related(link.get("t").stringValue(), link.path("reason").asString("")));
                }
            }
        }
        List<String> q = new ArrayList<>();
        m.path("q").forEach(hint -> {
            if (hint.isString()) {
                q.add(hint.stringValue());
            }
        });
        return new ManifestEntry(envelope.ts(), envelope.src(), m.path("db").asLong(0), m.path("sb").asLong(0),
                m.path("h").asString(""), q, related);
    }

    /** A link to another document of the same tenant. */
    public record Related(String t, String reason) {

        public Related {
            Objects.requireNonNull(t, "t");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
