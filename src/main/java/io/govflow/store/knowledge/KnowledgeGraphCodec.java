package io.govflow.store.knowledge;

import static io.govflow.store.io.JsonFields.nullableString;
import static io.govflow.store.io.JsonFields.object;
import static io.govflow.store.io.JsonFields.putNullable;
import static io.govflow.store.io.JsonFields.putStrings;
import static io.govflow.store.io.JsonFields.putUnknown;
import static io.govflow.store.io.JsonFields.requiredString;
import static io.govflow.store.io.JsonFields.string;
import static io.govflow.store.io.JsonFields.strings;
import static io.govflow.store.io.JsonFields.unknownFields;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import io.govflow.store.io.FileFormatException;
import io.govflow.store.io.LenientFields;
import io.govflow.store.io.StoreJson;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code knowledge_graph.json}: {@code version}, {@code nodes} keyed and sorted by id, {@code indexes} (written for
 * compatibility, ignored when read: they are rebuilt from the nodes), unknown top-level and node fields kept.
 * Node fields clients sent the reference are read leniently and written back as stored; a node that still cannot
 * be read is kept aside as stored, so only that node is unavailable.
 */
public final class KnowledgeGraphCodec {

    private static final Set<String> TOP_FIELDS = Set.of("version", "nodes", "indexes");
    private static final Set<String> NODE_FIELDS = Set.of("id", "agent_id", "type", "summary", "details", "tags",
            "severity", "timestamp", "status", "related_to", "references_files", "resolved_at", "updated_at");

    private final StoreJson json;

    public KnowledgeGraphCodec(StoreJson json) {
        this.json = json;
    }

    public KnowledgeGraph parse(byte[] content) {
        return fromObject(json.parseObject(content));
    }

    /** A graph from the file's top-level object (what {@link #parse} reads), nodes read as {@link #parse} does. */
    public KnowledgeGraph fromObject(ObjectNode root) {
        ObjectNode nodes = object(root, "nodes");
        SortedMap<String, Discovery> discoveries = new TreeMap<>();
        SortedMap<String, KnowledgeGraph.DamagedNode> damaged = new TreeMap<>();
        if (nodes != null) {
            for (Map.Entry<String, JsonNode> field : nodes.properties()) {
                try {
                    if (!field.getValue().isObject()) {
                        throw new FileFormatException("the node is " + LenientFields.typeName(field.getValue())
                                + ", not an object");
                    }
                    discoveries.put(field.getKey(), discoveryFrom((ObjectNode) field.getValue(), field.getKey()));
                } catch (FileFormatException e) {
                    damaged.put(field.getKey(), new KnowledgeGraph.DamagedNode(field.getKey(),
                            field.getValue().deepCopy(), e.getMessage()));
                }
            }
        }
        JsonNode version = root.get("version");
        String versionText = version == null || version.isNull() ? KnowledgeGraph.CURRENT_VERSION
                : version.isString() ? version.stringValue() : version.toString();
        return new KnowledgeGraph(versionText, discoveries, unknownFields(root, TOP_FIELDS), damaged);
    }

    public byte[] format(KnowledgeGraph graph) {
        ObjectNode root = json.object();
        root.put("version", graph.version());
        SortedMap<String, JsonNode> values = new TreeMap<>();
        graph.damaged().forEach((id, node) -> values.put(id, node.stored().deepCopy()));
        graph.nodes().forEach((id, discovery) -> values.put(id, toObject(discovery)));
        ObjectNode nodes = root.putObject("nodes");
        values.forEach(nodes::set);
        GraphIndexes indexes = graph.indexes();
        ObjectNode index = root.putObject("indexes");
        putIndex(index, "by_agent", indexes.byAgent());
        putIndex(index, "by_tag", indexes.byTag());
        putIndex(index, "by_type", indexes.byType());
        putIndex(index, "by_severity", indexes.bySeverity());
        putIndex(index, "by_status", indexes.byStatus());
        putUnknown(root, graph.unknownFields());
        return json.toFileBytes(root);
    }

    /** A node in the file's field order, unknown fields last. */
    public ObjectNode toObject(Discovery d) {
        ObjectNode o = json.object();
        o.put("id", d.id());
        o.put("agent_id", d.agentId());
        o.put("type", d.type());
        o.put("summary", d.summary());
        o.put("details", d.details());
        putStrings(o, "tags", d.tags());
        putNullable(o, "severity", d.severity());
        o.put("timestamp", d.timestamp());
        o.put("status", d.status());
        putStrings(o, "related_to", d.relatedTo());
        putStrings(o, "references_files", d.referencesFiles());
        putNullable(o, "resolved_at", d.resolvedAt());
        putNullable(o, "updated_at", d.updatedAt());
        putUnknown(o, d.unknownFields());
        d.laxFields().restore(o);
        return o;
    }

    /** One node; what clients sent the reference (type, texts, tags, severity, links) is read leniently. */
    private static Discovery discoveryFrom(ObjectNode o, String key) {
        LenientFields lenient = new LenientFields(o);
        if (o.get("summary") == null || o.get("summary").isNull()) {
            throw new FileFormatException("missing field 'summary'");
        }
        return new Discovery(
                key,
                requiredString(o, "agent_id"),
                lenient.text("type", "insight"),
                lenient.text("summary", ""),
                lenient.text("details", ""),
                lenient.strings("tags"),
                lenient.nullableText("severity"),
                string(o, "timestamp", key),
                string(o, "status", "open"),
                lenient.strings("related_to"),
                lenient.strings("references_files"),
                nullableString(o, "resolved_at"),
                nullableString(o, "updated_at"),
                unknownFields(o, NODE_FIELDS),
                lenient.lax());
    }

    private static void putIndex(ObjectNode parent, String name, SortedMap<String, List<String>> index) {
        ObjectNode o = parent.putObject(name);
        index.forEach((key, ids) -> putStrings(o, key, ids));
    }
}
