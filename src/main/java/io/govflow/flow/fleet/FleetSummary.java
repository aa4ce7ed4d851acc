package io.govflow.flow.fleet;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The fleet at a glance ({@code GET /api/v1/fleet/summary}).
 *
 * @param agents       every record, deleted ones included
 * @param byStatus     counts by lifecycle status (a legacy status word counts as {@code other})
 * @param attention    latest attention of every agent that is not deleted and has an update
 * @param aboveRevise  agents (not deleted) whose latest attention is at or above the revise threshold
 */
public record FleetSummary(Instant generatedAt, long agents, Map<String, Long> byStatus, Distribution attention,
        Distribution coherence, Thresholds thresholds, IdSample aboveRevise, IdSample paused, IdSample inReview,
        IdSample loopCooldown, List<MinuteCount> updatesPerMinute, long updatesLastHour) {

    /** The thresholds the service decides with now. */
    public record Thresholds(double riskApprove, double riskRevise, double coherenceCritical) {
    }

    /** How many agents are in a group, and the first {@link #MAX_IDS} of their ids in id order. */
    public record IdSample(long count, List<String> agentIds) {

        public static final int MAX_IDS = 50;

        public IdSample {
            agentIds = List.copyOf(agentIds);
        }
    }
}
