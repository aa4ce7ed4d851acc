package io.govflow.web.agent;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.govflow.flow.agent.AgentPage;
import io.govflow.store.agent.AgentRecord;

/** {@code GET /api/v1/agents}: one page, newest {@code last_update} first, and counts by status. */
@JsonPropertyOrder({ "success", "agents", "page", "size", "total", "counts_by_status" })
public record AgentListResponse(boolean success, List<Summary> agents, int page, int size, long total,
        Map<String, Long> countsByStatus) {

    /** One agent in the listing. */
    @JsonPropertyOrder({ "agent_id", "status", "created_at", "last_update", "total_updates", "tags" })
    public record Summary(String agentId, String status, String createdAt, String lastUpdate, long totalUpdates,
            List<String> tags) {

        static Summary of(AgentRecord r) {
            return new Summary(r.agentId(), r.status().word(), r.createdAt(), r.lastUpdate(), r.totalUpdates(), r.tags());
        }
    }

    static AgentListResponse of(AgentPage page) {
        return new AgentListResponse(true, page.agents().stream().map(Summary::of).toList(), page.page(),
                page.size(), page.total(), page.countsByStatus());
    }
}
