package io.govflow.flow.dialectic;

import java.util.List;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;

/**
 * What an agent says in one step. A thesis uses root cause, conditions and reasoning; an antithesis observed
 * metrics, concerns and reasoning; a synthesis root cause, conditions, reasoning and whether it agrees.
 */
public record Move(@Nullable String rootCause, @Nullable List<String> proposedConditions, @Nullable String reasoning,
        @Nullable JsonNode observedMetrics, @Nullable List<String> concerns, @Nullable Boolean agrees) {

    public Move {
        proposedConditions = proposedConditions == null ? null : List.copyOf(proposedConditions);
        concerns = concerns == null ? null : List.copyOf(concerns);
        observedMetrics = observedMetrics == null ? null : observedMetrics.deepCopy();
    }
}
