package io.govflow.flow.fleet;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One agent as the fleet views show it: its record's status, tags and loop cooldown (only while it runs), and
 * the latest values of the fleet index (null before its first update).
 */
public record FleetRow(String agentId, String status, List<String> tags, @Nullable Instant lastUpdate,
        long updateCount, @Nullable Double attentionScore, @Nullable Double coherence, @Nullable String decision,
        @Nullable String verdict, @Nullable Instant loopCooldownUntil, boolean inReview) {

    public FleetRow {
        tags = List.copyOf(tags);
    }

    boolean deleted() {
        return "deleted".equals(status);
    }
}
