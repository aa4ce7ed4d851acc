package io.govflow.flow.dialectic;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;

/** The session after a step: phase, round, what comes next, the step's signature and any resolution. */
public record StepOutcome(String sessionId, String phase, int synthesisRound, int maxSynthesisRounds,
        String nextStep, @Nullable String signature, @Nullable JsonNode resolution) {
}
