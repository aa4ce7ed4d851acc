package io.govflow.flow.knowledge;

import java.util.List;

import io.govflow.store.knowledge.Discovery;

/** A discovery that shares tags with another one. */
public record SimilarDiscovery(Discovery discovery, List<String> sharedTags) {
}
