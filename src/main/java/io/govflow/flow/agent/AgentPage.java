package io.govflow.flow.agent;

import java.util.List;
import java.util.Map;

import io.govflow.store.agent.AgentRecord;

/**
 * One page of the agent listing.
 *
 * @param total          agents matching the filters
 * @param countsByStatus agents matching the tag filter, per status (the status filter is not applied here)
 */
public record AgentPage(List<AgentRecord> agents, int page, int size, long total, Map<String, Long> countsByStatus) {
}
