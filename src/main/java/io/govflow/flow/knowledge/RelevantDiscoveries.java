package io.govflow.flow.knowledge;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import io.govflow.store.knowledge.Discovery;
import io.govflow.store.knowledge.GraphIndexes;
import io.govflow.store.knowledge.KnowledgeGraph;

import tools.jackson.databind.node.ObjectNode;

/**
 * Other agents' discoveries that matter to an agent: those one of its discoveries links to ({@code related_to}) and
 * those sharing tags with its unresolved ones. Archived ones are left out. Most shared tags first (a link counts
 * as two), then newest.
 */
final class RelevantDiscoveries {

    static final int LINK_WEIGHT = 2;

    private RelevantDiscoveries() {
    }

    /** Another agent's discovery and why it matters to this one. */
    record Relevant(Discovery discovery, List<String> sharedTags, boolean linked) {

        Relevant {
            sharedTags = List.copyOf(sharedTags);
        }

        int score() {
            return sharedTags.size() + (linked ? LINK_WEIGHT : 0);
        }

        ObjectNode toJson(ObjectNode item) {
            item.put("agent_id", discovery.agentId());
            item.put(KnowledgeContextSource.TRUST, KnowledgeContextSource.UNTRUSTED);
            sharedTags.forEach(item.putArray("shared_tags")::add);
            item.put("linked", linked);
            return item;
        }
    }

    static List<Relevant> of(KnowledgeGraph graph, String agentId, List<Discovery> own, List<Discovery> unresolved) {
        Set<String> linked = new TreeSet<>();
        for (Discovery mine : own) {
            for (String id : mine.relatedTo()) {
                if (isOthers(graph, id, agentId)) {
                    linked.add(id);
                }
            }
        }
        Set<String> tags = new TreeSet<>();
        unresolved.forEach(d -> tags.addAll(d.tags()));
        Map<String, List<String>> shared = new TreeMap<>();
        for (String tag : tags) {
            for (String id : GraphIndexes.ids(graph.indexes().byTag(), tag)) {
                if (isOthers(graph, id, agentId)) {
                    shared.computeIfAbsent(id, k -> new ArrayList<>()).add(tag);
                }
            }
        }
        Set<String> ids = new TreeSet<>(shared.keySet());
        ids.addAll(linked);
        List<Relevant> out = new ArrayList<>();
        for (String id : ids) {
            out.add(new Relevant(graph.nodes().get(id), shared.getOrDefault(id, List.of()), linked.contains(id)));
        }
        out.sort(Comparator.comparingInt(Relevant::score).reversed()
                .thenComparing(Relevant::discovery, KnowledgeContextSource.NEWEST_FIRST));
        return out;
    }

    private static boolean isOthers(KnowledgeGraph graph, String id, String agentId) {
        Discovery d = graph.nodes().get(id);
        return d != null && !d.agentId().equals(agentId) && !"archived".equals(d.status());
    }
}
