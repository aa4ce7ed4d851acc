package io.govflow.flow.dialectic;

import org.jspecify.annotations.Nullable;

/**
 * A request for review by {@code agentId}: a reviewer is chosen by authority score unless one is named; with a
 * discovery id it is a dispute of that discovery and its owner reviews.
 */
public record SessionRequest(String agentId, @Nullable String reason, @Nullable String reviewerAgentId,
        @Nullable String discoveryId, @Nullable String disputeType, @Nullable Integer maxSynthesisRounds) {
}
