package io.govflow.web.agent;

import io.govflow.web.update.MetricsResponse;

/** {@code GET /api/v1/agents/{id}}. */
public record AgentResponse(boolean success, AgentView agent, MetricsResponse metrics) {
}
