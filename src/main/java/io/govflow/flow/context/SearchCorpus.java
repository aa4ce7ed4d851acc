package io.govflow.flow.context;

import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * Something the semantic fallback can search for a tenant: its other context documents now; its knowledge-graph
 * discoveries once that store exists (another bean of this interface).
 */
public interface SearchCorpus {

    /** The tenant's searchable items, leaving out the document of {@code excludedType}. */
    List<Item> items(String agentId, String excludedType);

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
