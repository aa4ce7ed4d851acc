package io.govflow.web.fleet;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.govflow.flow.fleet.Distribution;
import io.govflow.flow.fleet.FleetSummary;
import io.swagger.v3.oas.annotations.media.Schema;

/** {@code GET /api/v1/fleet/summary}. */
@JsonPropertyOrder({ "success", "generated_at", "agents", "by_status", "attention", "coherence", "thresholds",
        "above_revise", "paused", "in_review", "loop_cooldown", "updates_per_minute", "updates_last_hour" })
public record FleetSummaryResponse(boolean success,
        @Schema(example = "2026-12-07T17:20:00.123Z") String generatedAt,
        @Schema(description = "Every record, deleted ones included") long agents,
        @Schema(description = "Agents by lifecycle status; a status word older versions wrote counts as other")
        Map<String, Long> byStatus,
        @Schema(description = "Latest attention_score of every agent that is not deleted and has an update")
        Distribution attention,
        @Schema(description = "Latest coherence of every agent that is not deleted and has an update")
        Distribution coherence,
        FleetSummary.Thresholds thresholds,
        @Schema(description = "Not deleted, latest attention_score at or above risk_revise") Group aboveRevise,
        Group paused,
        @Schema(description = "The paused agent of a review session that is neither ended nor expired")
        Group inReview,
        @Schema(description = "In a loop-detection cooldown now") Group loopCooldown,
        @Schema(description = "60 entries, oldest first; the last is the current minute") List<Minute> updatesPerMinute,
        long updatesLastHour) {

    /** How many agents are in the group and the first 50 ids in id order. */
    @JsonPropertyOrder({ "count", "agent_ids" })
    public record Group(long count, List<String> agentIds) {

        static Group of(FleetSummary.IdSample sample) {
            return new Group(sample.count(), sample.agentIds());
        }
    }

    /** Updates committed in the minute that starts at {@code minute}. */
    @JsonPropertyOrder({ "minute", "updates" })
    public record Minute(@Schema(example = "2026-12-07T17:19:00Z") String minute, long updates) {
    }

    static FleetSummaryResponse of(FleetSummary s) {
        return new FleetSummaryResponse(true, s.generatedAt().toString(), s.agents(), s.byStatus(), s.attention(),
                s.coherence(), s.thresholds(), Group.of(s.aboveRevise()), Group.of(s.paused()),
                Group.of(s.inReview()), Group.of(s.loopCooldown()),
                s.updatesPerMinute().stream().map(m -> new Minute(m.minute().toString(), m.updates())).toList(),
                s.updatesLastHour());
    }
}
