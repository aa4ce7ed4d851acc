package io.govflow.web.fleet;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.govflow.flow.fleet.FleetPage;
import io.govflow.flow.fleet.FleetRow;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** {@code GET /api/v1/fleet/agents}: one page of the sorted, filtered fleet. */
@JsonPropertyOrder({ "success", "agents", "page", "size", "total" })
public record FleetAgentsResponse(boolean success, List<Agent> agents, int page, int size, long total) {

    /** One agent: its record's status and tags, and its latest update's values (null before the first). */
    @JsonPropertyOrder({ "agent_id", "status", "tags", "last_update", "update_count", "attention_score",
            "coherence", "decision", "verdict", "loop_cooldown_until", "in_review" })
    public record Agent(String agentId, String status, List<String> tags,
            @Schema(example = "2026-12-07T17:19:42.512204Z") @Nullable String lastUpdate,
            long updateCount, @Nullable Double attentionScore, @Nullable Double coherence,
            @Schema(allowableValues = { "proceed", "pause" }) @Nullable String decision,
            @Schema(example = "safe") @Nullable String verdict,
            @Schema(description = "Only while the cooldown runs") @Nullable String loopCooldownUntil,
            @Schema(description = "The paused agent of an open review session") boolean inReview) {

        static Agent of(FleetRow r) {
            return new Agent(r.agentId(), r.status(), r.tags(), text(r.lastUpdate()), r.updateCount(),
                    r.attentionScore(), r.coherence(), r.decision(), r.verdict(), text(r.loopCooldownUntil()),
                    r.inReview());
        }

        private static @Nullable String text(@Nullable Instant instant) {
            return instant == null ? null : instant.toString();
        }
    }

    static FleetAgentsResponse of(FleetPage page) {
        return new FleetAgentsResponse(true, page.agents().stream().map(Agent::of).toList(), page.page(),
                page.size(), page.total());
    }
}
