package io.govflow.flow.knowledge;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** Search filters (all must hold; every tag must be present) and an optional ranked text query. */
public record DiscoveryQuery(@Nullable String agentId, List<String> tags, @Nullable String type,
        @Nullable String severity, @Nullable String status, @Nullable String q, @Nullable Integer limit) {

    public DiscoveryQuery {
        tags = List.copyOf(tags);
    }
}
