package io.govflow.flow.context;

import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * Something the semantic fallback can search for a tenant: its other context documents, the knowledge graph's
 * discoveries. Items of every corpus are scored together; a corpus may use the terms to hand over only its best
 * candidates.
 */
public interface SearchCorpus {

    /**
     * Searchable items for the tenant, leaving out the document of {@code excludedType}. Nothing from another
     * tenant's context documents, ever.
     *
     * @param terms the query terms (lower case, at least one)
     */
    List<Item> items(String agentId, String excludedType, List<String> terms);

    /**
     * One searchable item.
     *
     * @param kind    e.g. {@code context} or {@code discovery}
     * @param ref     the document type or discovery id
     * @param hints   short high-weight text (query hints, title, tags)
     * @param summary the item's summary, returned with a hit
     * @param data    the full item, searched with the lowest weight
     */
    record Item(String kind, String ref, String ts, List<String> hints, JsonNode summary, JsonNode data) {

        public Item {
            hints = List.copyOf(hints);
        }
    }
}
