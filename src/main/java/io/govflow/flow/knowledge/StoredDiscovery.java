package io.govflow.flow.knowledge;

import java.util.List;

import io.govflow.store.knowledge.Discovery;

/** A stored discovery and the discoveries it was linked to. */
public record StoredDiscovery(Discovery discovery, List<Discovery> related) {

    /** The new discovery's id. */
    public String id() {
        return discovery.id();
    }
}
