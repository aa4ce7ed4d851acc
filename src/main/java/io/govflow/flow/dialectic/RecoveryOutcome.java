package io.govflow.flow.dialectic;

import tools.jackson.databind.JsonNode;

/** A self-recovery that resumed the agent: the session recording it and the new status. */
public record RecoveryOutcome(String agentId, String sessionId, String status, JsonNode thesis,
        JsonNode systemAntithesis, JsonNode resolution, JsonNode metrics, String note) {
}
