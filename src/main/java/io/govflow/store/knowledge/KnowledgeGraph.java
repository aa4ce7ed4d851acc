package io.govflow.store.knowledge;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import io.govflow.store.io.JsonFields;

import tools.jackson.databind.JsonNode;

/**
 * One version of the knowledge graph: its nodes sorted by id (ids are ISO timestamps, so this is also the order of
 * storage), the file's {@code version} and any unknown top-level fields. Immutable; changes make a new graph.
 */
public final class KnowledgeGraph {

    public static final String CURRENT_VERSION = "1.0";
    public static final KnowledgeGraph EMPTY = new KnowledgeGraph(CURRENT_VERSION, new TreeMap<>(), Map.of());

    private final String version;
    private final SortedMap<String, Discovery> nodes;
    private final Map<String, JsonNode> unknownFields;
    private final SortedMap<String, DamagedNode> damaged;
    private volatile GraphIndexes indexes;

    /** A node that cannot be read: kept as stored (written back unchanged), unavailable by id, left out of searches. */
    public record DamagedNode(String id, JsonNode stored, String problem) {
    }

    public KnowledgeGraph(String version, SortedMap<String, Discovery> nodes, Map<String, JsonNode> unknownFields) {
        this(version, nodes, unknownFields, new TreeMap<>());
    }

    public KnowledgeGraph(String version, SortedMap<String, Discovery> nodes, Map<String, JsonNode> unknownFields,
            SortedMap<String, DamagedNode> damaged) {
        this.version = version;
        this.nodes = Collections.unmodifiableSortedMap(new TreeMap<>(nodes));
        this.unknownFields = JsonFields.copyOf(unknownFields);
        this.damaged = Collections.unmodifiableSortedMap(new TreeMap<>(damaged));
    }

    /** The nodes that cannot be read, by id. */
    public SortedMap<String, DamagedNode> damaged() {
        return damaged;
    }

    public String version() {
        return version;
    }

    /** Every discovery, sorted by id (unmodifiable). */
    public SortedMap<String, Discovery> nodes() {
        return nodes;
    }

    public Map<String, JsonNode> unknownFields() {
        return unknownFields;
    }

    public int size() {
        return nodes.size();
    }

    /** The indexes, derived from the nodes (never from what a file claimed), computed once per graph. */
    public GraphIndexes indexes() {
        GraphIndexes current = indexes;
        if (current == null) {
            current = GraphIndexes.of(nodes.values());
            indexes = current;
        }
        return current;
    }

    /** This graph with {@code discovery} added or replaced. */
    public KnowledgeGraph with(Discovery discovery) {
        SortedMap<String, Discovery> next = new TreeMap<>(nodes);
        next.put(discovery.id(), discovery);
        return new KnowledgeGraph(version, next, unknownFields, damaged);
    }
}
