package io.govflow.flow.knowledge;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** A discovery to store, as the agent sent it (validated and normalized by the service). */
public record StoreDiscoveryCommand(String agentId, String type, String summary, @Nullable String details,
        List<String> tags, @Nullable String severity, List<String> relatedFiles, boolean autoLink) {

    public StoreDiscoveryCommand {
        tags = List.copyOf(tags);
        relatedFiles = List.copyOf(relatedFiles);
    }
}
