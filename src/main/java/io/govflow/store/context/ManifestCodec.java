package io.govflow.store.context;

import static io.govflow.store.io.JsonFields.array;
import static io.govflow.store.io.JsonFields.integer;
import static io.govflow.store.io.JsonFields.putStrings;
import static io.govflow.store.io.JsonFields.requiredString;
import static io.govflow.store.io.JsonFields.string;
import static io.govflow.store.io.JsonFields.strings;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import io.govflow.store.io.FileFormatException;
import io.govflow.store.io.JsonFields;
import io.govflow.store.io.StoreJson;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The manifest file in the store's JSON format: {@code {"v", "u", "updated_at", "documents": {type: {ts, src,
 * db, sb, h, q, related[{t, reason}]}}}}, documents sorted by type. A malformed file is a
 * {@link FileFormatException}.
 */
public final class ManifestCodec {

    static final String VERSION = "1.1";

    private final StoreJson json;

    public ManifestCodec(StoreJson json) {
        this.json = json;
    }

    public byte[] encode(ContextManifest manifest) {
        ObjectNode root = json.object();
        root.put("v", VERSION);
        root.put("u", manifest.agentId());
        root.put("updated_at", manifest.updatedAt());
        ObjectNode documents = root.putObject("documents");
        manifest.documents().forEach((type, entry) -> documents.set(type, entryNode(entry)));
        return json.toFileBytes(root);
    }

    public ContextManifest decode(byte[] content) {
        ObjectNode root = json.parseObject(content);
        String agentId = requiredString(root, "u");
        ObjectNode documents = JsonFields.object(root, "documents");
        SortedMap<String, ManifestEntry> entries = new TreeMap<>();
        if (documents != null) {
            for (Map.Entry<String, JsonNode> field : documents.properties()) {
                if (!field.getValue().isObject()) {
                    throw new FileFormatException("manifest entry is not an object");
                }
                entries.put(field.getKey(), entryFrom((ObjectNode) field.getValue()));
            }
        }
        return new ContextManifest(agentId, string(root, "updated_at", ""), entries);
    }

    private ObjectNode entryNode(ManifestEntry entry) {
        ObjectNode node = json.object();
        node.put("ts", entry.ts());
        node.put("src", entry.src());
        node.put("db", entry.db());
        node.put("sb", entry.sb());
        node.put("h", entry.h());
        putStrings(node, "q", entry.q());
        ArrayNode related = node.putArray("related");
        for (ManifestEntry.Related link : entry.related()) {
            related.addObject().put("t", link.t()).put("reason", link.reason());
        }
        return node;
    }

    private static ManifestEntry entryFrom(ObjectNode node) {
        List<ManifestEntry.Related> related = new ArrayList<>();
        ArrayNode links = array(node, "related");
        if (links != null) {
            for (JsonNode link : links) {
                if (!link.isObject()) {
                    throw new FileFormatException("manifest link is not an object");
                }
                related.add(new ManifestEntry.Related(requiredString((ObjectNode) link, "t"),
                        string((ObjectNode) link, "reason", "")));
            }
        }
        return new ManifestEntry(requiredString(node, "ts"), string(node, "src", ""), integer(node, "db", 0),
                integer(node, "sb", 0), string(node, "h", ""), strings(node, "q"), related);
    }
}
