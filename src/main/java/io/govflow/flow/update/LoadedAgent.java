package io.govflow.flow.update;

import java.util.Map;

import tools.jackson.databind.JsonNode;

import io.govflow.engine.GovernanceState;

/**
 * An agent's engine state as of update-log sequence {@code seq}, plus the state file's fields this version
 * does not know (kept so a rewrite never drops them). Never mutated once built: updates work on a copy.
 */
record LoadedAgent(GovernanceState state, long seq, Map<String, JsonNode> unknownStateFields) {
}
