package io.govflow.store.context;

import java.util.List;
import java.util.Objects;

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

    /** A link to another document of the same tenant. */
    public record Related(String t, String reason) {

        public Related {
            Objects.requireNonNull(t, "t");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
