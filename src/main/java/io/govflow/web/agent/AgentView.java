package io.govflow.web.agent;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.govflow.store.agent.AgentRecord;
import org.jspecify.annotations.Nullable;

/** An agent's metadata as clients see it: never the key nor its hash, only whether one exists. */
@JsonPropertyOrder({ "agent_id", "status", "created_at", "last_update", "version", "total_updates", "tags", "notes",
        "lifecycle_events", "lifecycle_events_dropped", "paused_at", "archived_at", "parent_agent_id", "spawn_reason", "has_api_key",
        "recent_update_timestamps", "recent_decisions", "loop_detected_at", "loop_cooldown_until",
        "last_response_at", "response_completed" })
public record AgentView(String agentId, String status, String createdAt, String lastUpdate, String version,
        long totalUpdates, List<String> tags, String notes, List<LifecycleEventBody> lifecycleEvents,
        long lifecycleEventsDropped, @Nullable String pausedAt, @Nullable String archivedAt, @Nullable String parentAgentId,
        @Nullable String spawnReason, boolean hasApiKey, List<String> recentUpdateTimestamps,
        List<String> recentDecisions, @Nullable String loopDetectedAt, @Nullable String loopCooldownUntil,
        @Nullable String lastResponseAt, boolean responseCompleted) {

    public static AgentView of(AgentRecord r) {
        return new AgentView(r.agentId(), r.status().word(), r.createdAt(), r.lastUpdate(), r.version(), r.totalUpdates(),
                r.tags(), r.notes(), LifecycleEventBody.of(r.lifecycleEvents()),
                r.lifecycleEventsDropped(), r.pausedAt(), r.archivedAt(), r.parentAgentId(),
                r.spawnReason(), r.apiKey() != null, r.recentUpdateTimestamps(), r.recentDecisions(),
                r.loopDetectedAt(), r.loopCooldownUntil(), r.lastResponseAt(), r.responseCompleted());
    }
}
