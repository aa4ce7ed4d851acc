package io.govflow.flow.update;

import io.govflow.engine.MetricsSnapshot;

/** Current metrics of one agent. */
public record AgentMetrics(String agentId, MetricsSnapshot snapshot) {
}
