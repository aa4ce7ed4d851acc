package io.govflow.web.context;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.govflow.flow.context.ContextListing;
import io.govflow.store.context.ManifestEntry;

/**
 * {@code GET …/context}: the tenant's manifest.
 *
 * @param serviceTypes service-maintained types; they are derived on first read even when not listed
 */
@JsonPropertyOrder({ "success", "agent_id", "updated_at", "count", "documents", "service_types" })
public record ContextListResponse(boolean success, String agentId, String updatedAt, int count,
        List<Document> documents, List<String> serviceTypes) {

    /** One manifest entry. */
    @JsonPropertyOrder({ "t", "ts", "src", "db", "sb", "h", "q", "related" })
    public record Document(String t, String ts, String src, long db, long sb, String h, List<String> q,
            List<Link> related) {
    }

    /** A related document. */
    @JsonPropertyOrder({ "t", "reason" })
    public record Link(String t, String reason) {
    }

    static ContextListResponse of(ContextListing listing) {
        List<Document> documents = listing.documents().stream().map(ContextListResponse::document).toList();
        return new ContextListResponse(true, listing.agentId(), listing.updatedAt(), documents.size(), documents,
                listing.serviceTypes());
    }

    private static Document document(ContextListing.Document document) {
        ManifestEntry e = document.entry();
        return new Document(document.type(), e.ts(), e.src(), e.db(), e.sb(), e.h(), e.q(),
                e.related().stream().map(link -> new Link(link.t(), link.reason())).toList());
    }
}
