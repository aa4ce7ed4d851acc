package io.govflow.store.context;

import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * {@code _manifest.json}: the tenant's documents by type (sorted). An index, rebuilt from the documents when it
 * is missing or damaged.
 *
 * @param updatedAt when the manifest was last written (empty when never written)
 */
public record ContextManifest(String agentId, String updatedAt, SortedMap<String, ManifestEntry> documents) {

    public ContextManifest {
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(updatedAt, "updatedAt");
        documents = Collections.unmodifiableSortedMap(new TreeMap<>(documents));
    }

    public static ContextManifest empty(String agentId) {
        return new ContextManifest(agentId, "", new TreeMap<>());
    }

    public ContextManifest with(String type, ManifestEntry entry, String now) {
        SortedMap<String, ManifestEntry> changed = new TreeMap<>(documents);
        changed.put(type, entry);
        return new ContextManifest(agentId, now, changed);
    }

    public ContextManifest without(String type, String now) {
        SortedMap<String, ManifestEntry> changed = new TreeMap<>(documents);
        changed.remove(type);
        return new ContextManifest(agentId, now, changed);
    }
}
