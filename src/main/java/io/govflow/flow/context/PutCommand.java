package io.govflow.flow.context;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.govflow.store.context.ManifestEntry.Related;

import tools.jackson.databind.JsonNode;

/**
 * An agent-written document as the client sent it.
 *
 * @param src     the writer
 * @param d       the data (must be an object)
 * @param s       an optional summary (an object); derived when absent
 * @param q       optional query hints; the type's defaults when absent
 * @param ttlS    optional freshness in seconds (0 = no expiry)
 * @param related optional links; the type's defaults when absent
 */
public record PutCommand(String src, JsonNode d, @Nullable JsonNode s, @Nullable List<String> q,
        @Nullable Long ttlS, @Nullable List<Related> related) {
}
