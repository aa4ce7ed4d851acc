package io.govflow.web.knowledge;

import java.util.List;
import java.util.SortedMap;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.govflow.flow.knowledge.GraphStats;
import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.JsonNode;

/** Response bodies of the knowledge-graph endpoints. Discoveries appear exactly as the file holds them. */
public final class DiscoveryResponses {

    private DiscoveryResponses() {
    }

    @JsonPropertyOrder({ "success", "discovery_id", "discovery", "related_discoveries" })
    @Schema(name = "DiscoveryStoredResponse")
    public record Stored(boolean success, String discoveryId,
            @Schema(description = "The stored discovery") JsonNode discovery,
            @Schema(description = "Discoveries linked by shared tags") List<JsonNode> relatedDiscoveries) {
    }

    @JsonPropertyOrder({ "success", "discoveries", "count" })
    @Schema(name = "DiscoveryListedResponse")
    public record Listed(boolean success, List<JsonNode> discoveries, int count) {
    }

    @JsonPropertyOrder({ "success", "discovery" })
    @Schema(name = "DiscoveryOneResponse")
    public record One(boolean success, JsonNode discovery) {
    }

    @JsonPropertyOrder({ "discovery", "shared_tags" })
    @Schema(name = "SimilarDiscovery")
    public record SimilarItem(JsonNode discovery, List<String> sharedTags) {
    }

    @JsonPropertyOrder({ "success", "discovery_id", "similar" })
    @Schema(name = "DiscoverySimilarResponse")
    public record Similar(boolean success, String discoveryId, List<SimilarItem> similar) {
    }

    @JsonPropertyOrder({ "success", "total_discoveries", "by_agent", "by_type", "by_status", "by_severity",
            "total_tags", "total_agents" })
    @Schema(name = "DiscoveryStatsResponse")
    public record Stats(boolean success, int totalDiscoveries, SortedMap<String, Integer> byAgent,
            SortedMap<String, Integer> byType, SortedMap<String, Integer> byStatus,
            SortedMap<String, Integer> bySeverity, int totalTags, int totalAgents) {

        static Stats of(GraphStats s) {
            return new Stats(true, s.totalDiscoveries(), s.byAgent(), s.byType(), s.byStatus(), s.bySeverity(),
                    s.totalTags(), s.totalAgents());
        }
    }
}
