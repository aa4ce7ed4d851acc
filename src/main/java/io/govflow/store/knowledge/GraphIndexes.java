package io.govflow.store.knowledge;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/**
 * The lookup indexes of the file ({@code by_agent, by_tag, by_type, by_severity, by_status}): key → ids in id
 * order. Built from the nodes; a discovery without severity is in no severity list (as in the reference file).
 */
public record GraphIndexes(
        SortedMap<String, List<String>> byAgent,
        SortedMap<String, List<String>> byTag,
        SortedMap<String, List<String>> byType,
        SortedMap<String, List<String>> bySeverity,
        SortedMap<String, List<String>> byStatus) {

    /** Indexes of the nodes, which must come in id order. */
    public static GraphIndexes of(Collection<Discovery> nodesInIdOrder) {
        SortedMap<String, List<String>> byAgent = new TreeMap<>();
        SortedMap<String, List<String>> byTag = new TreeMap<>();
        SortedMap<String, List<String>> byType = new TreeMap<>();
        SortedMap<String, List<String>> bySeverity = new TreeMap<>();
        SortedMap<String, List<String>> byStatus = new TreeMap<>();
        for (Discovery d : nodesInIdOrder) {
            add(byAgent, d.agentId(), d.id());
            for (String tag : d.tags()) {
                add(byTag, tag, d.id());
            }
            add(byType, d.type(), d.id());
            add(bySeverity, d.severity(), d.id());
            add(byStatus, d.status(), d.id());
        }
        return new GraphIndexes(frozen(byAgent), frozen(byTag), frozen(byType), frozen(bySeverity), frozen(byStatus));
    }

    /** Ids under a key, or none. */
    public static List<String> ids(SortedMap<String, List<String>> index, String key) {
        return index.getOrDefault(key, List.of());
    }

    private static void add(SortedMap<String, List<String>> index, @Nullable String key, String id) {
        if (key == null) {
            return;
        }
        List<String> ids = index.computeIfAbsent(key, k -> new ArrayList<>());
        if (ids.isEmpty() || !ids.get(ids.size() - 1).equals(id)) {
            ids.add(id);
        }
    }

    private static SortedMap<String, List<String>> frozen(SortedMap<String, List<String>> index) {
        SortedMap<String, List<String>> out = new TreeMap<>();
        index.forEach((key, ids) -> out.put(key, List.copyOf(ids)));
        return Collections.unmodifiableSortedMap(out);
    }
}
