package io.govflow.flow.dialectic;

import org.jspecify.annotations.Nullable;

/** One line of an agent's session list. */
public record SessionSummary(String sessionId, String role, String pausedAgentId, String reviewerAgentId,
        String phase, int synthesisRound, String createdAt, @Nullable String discoveryId,
        @Nullable String disputeType, @Nullable String resolutionAction, boolean expired) {
}
