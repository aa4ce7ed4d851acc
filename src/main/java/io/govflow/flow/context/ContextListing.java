package io.govflow.flow.context;

import java.util.List;

import io.govflow.store.context.ManifestEntry;

/**
 * A tenant's manifest.
 *
 * @param documents    the stored documents, sorted by type
 * @param serviceTypes the service-maintained types that are derived on read
 */
public record ContextListing(String agentId, String updatedAt, List<Document> documents,
        List<String> serviceTypes) {

    public ContextListing {
        documents = List.copyOf(documents);
        serviceTypes = List.copyOf(serviceTypes);
    }

    /** One manifest entry. */
    public record Document(String type, ManifestEntry entry) {
    }
}
