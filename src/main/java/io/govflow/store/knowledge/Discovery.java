package io.govflow.store.knowledge;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.govflow.store.io.JsonFields;
import io.govflow.store.io.LaxFields;

import tools.jackson.databind.JsonNode;

/**
 * One node of the knowledge graph. Components follow the file's field order ({@code id, agent_id, type, summary,
 * details, tags, severity, timestamp, status, related_to, references_files, resolved_at, updated_at}), then
 * unknown fields in their original order. {@code laxFields}: fields the file holds with another JSON type than
 * documented (the reference validated none of what clients sent), written back as stored.
 */
public record Discovery(
        String id,
        String agentId,
        String type,
        String summary,
        String details,
        List<String> tags,
        @Nullable String severity,
        String timestamp,
        String status,
        List<String> relatedTo,
        List<String> referencesFiles,
        @Nullable String resolvedAt,
        @Nullable String updatedAt,
        Map<String, JsonNode> unknownFields,
        LaxFields laxFields) {

    public Discovery {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(status, "status");
        tags = List.copyOf(tags);
        relatedTo = List.copyOf(relatedTo);
        referencesFiles = List.copyOf(referencesFiles);
        unknownFields = JsonFields.copyOf(unknownFields);
        Objects.requireNonNull(laxFields, "laxFields");
    }

    /** A discovery with every field of its documented type. */
    public Discovery(String id, String agentId, String type, String summary, String details, List<String> tags,
            @Nullable String severity, String timestamp, String status, List<String> relatedTo,
            List<String> referencesFiles, @Nullable String resolvedAt, @Nullable String updatedAt,
            Map<String, JsonNode> unknownFields) {
        this(id, agentId, type, summary, details, tags, severity, timestamp, status, relatedTo, referencesFiles,
                resolvedAt, updatedAt, unknownFields, LaxFields.NONE);
    }

    /** The same discovery with another status; {@code resolved_at} is set when it becomes resolved. */
    public Discovery withStatus(String newStatus, String now) {
        String resolved = "resolved".equals(newStatus) ? now : resolvedAt;
        return new Discovery(id, agentId, type, summary, details, tags, severity, timestamp, newStatus, relatedTo,
                referencesFiles, resolved, now, unknownFields, laxFields);
    }

    public Discovery withDetails(String newDetails) {
        return new Discovery(id, agentId, type, summary, newDetails, tags, severity, timestamp, status, relatedTo,
                referencesFiles, resolvedAt, updatedAt, unknownFields, laxFields);
    }
}
