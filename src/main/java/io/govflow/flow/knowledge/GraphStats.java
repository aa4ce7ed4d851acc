package io.govflow.flow.knowledge;

import java.util.SortedMap;

/** Counts over the whole graph; discoveries without a severity count under {@code none}. */
public record GraphStats(int totalDiscoveries, SortedMap<String, Integer> byAgent, SortedMap<String, Integer> byType,
        SortedMap<String, Integer> byStatus, SortedMap<String, Integer> bySeverity, int totalTags, int totalAgents) {
}
