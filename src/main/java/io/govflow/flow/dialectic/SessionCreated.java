package io.govflow.flow.dialectic;

import org.jspecify.annotations.Nullable;

/** A new session, waiting for the thesis. */
public record SessionCreated(String sessionId, String pausedAgentId, String reviewerAgentId, String phase,
        String reason, String nextStep, String createdAt, int maxSynthesisRounds, @Nullable String discoveryId,
        @Nullable String disputeType) {
}
