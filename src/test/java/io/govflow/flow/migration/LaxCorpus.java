package io.govflow.flow.migration;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.govflow.support.ApiClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A reference-style data directory as the reference really wrote it: every field whose type the reference never
 * enforced (it stored whatever JSON type a client sent) holds each alternative type, one per agent, session and
 * discovery. {@link #FIELDS} is the list of those fields with the alternatives accepted for each.
 */
final class LaxCorpus {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    static final DateTimeFormatter STORED = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS");

    /** How a field is documented, and so which other JSON types carry the same information. */
    enum Kind {
        /** Text with a default: a number, boolean, object, array or null. */
        TEXT(List.of(NODES.numberNode(42), NODES.booleanNode(true), object("k", "v"), array("a", "b"),
                NODES.nullNode())),
        /** Text or null: a number, boolean, object or array. */
        NULLABLE_TEXT(List.of(NODES.numberNode(12345), NODES.booleanNode(false), object("k", "v"), array("a", "b"),
                NODES.numberNode(3.5))),
        /** A list of strings: one string, null, a number, a boolean, a list of other types. */
        STRINGS(List.of(NODES.stringNode("solo"), NODES.nullNode(), NODES.numberNode(7), NODES.booleanNode(true),
                mixedArray())),
        /** A list of strings or null: one string, a number, a boolean, an object, a list of other types. */
        NULLABLE_STRINGS(List.of(NODES.stringNode("solo"), NODES.numberNode(7), NODES.booleanNode(false),
                object("k", "v"), mixedArray())),
        /** An object or null: a string, a number, a list, a boolean (no usable structure: read as absent). */
        OBJECT(List.of(NODES.stringNode("resolved by hand"), NODES.numberNode(3), array("x"), NODES.booleanNode(true),
                NODES.stringNode(""))),
        /** A boolean or null: its words as text. */
        BOOLEAN(List.of(NODES.stringNode("true"), NODES.stringNode("yes"), NODES.stringNode("false"),
                NODES.stringNode("TRUE"), NODES.stringNode("no")));

        final List<JsonNode> alternatives;

        Kind(List<JsonNode> alternatives) {
            this.alternatives = alternatives;
        }
    }

    /** One field of one reference-written file. */
    record LaxField(String file, String field, Kind kind) {
    }

    static final String METADATA = "agent_metadata.json";
    static final String SESSION = "dialectic_sessions/{session_id}.json";
    static final String GRAPH = "knowledge_graph.json";

    /**
     * Every field whose type the reference never enforced. Fields its own code computed (timestamps, counters,
     * statuses, state-file numbers, update-log lines) keep their documented type in every file it wrote and are
     * not listed.
     */
    static final List<LaxField> FIELDS = List.of(
            new LaxField(METADATA, "tags", Kind.STRINGS),
            new LaxField(METADATA, "notes", Kind.TEXT),
            new LaxField(METADATA, "parent_agent_id", Kind.NULLABLE_TEXT),
            new LaxField(METADATA, "spawn_reason", Kind.NULLABLE_TEXT),
            new LaxField(METADATA, "lifecycle_events[].reason", Kind.NULLABLE_TEXT),
            new LaxField(METADATA, "lifecycle_events[].conditions", Kind.NULLABLE_STRINGS),
            new LaxField(SESSION, "reason", Kind.NULLABLE_TEXT),
            new LaxField(SESSION, "discovery_id", Kind.NULLABLE_TEXT),
            new LaxField(SESSION, "dispute_type", Kind.NULLABLE_TEXT),
            new LaxField(SESSION, "resolution", Kind.OBJECT),
            new LaxField(SESSION, "transcript[].root_cause", Kind.NULLABLE_TEXT),
            new LaxField(SESSION, "transcript[].reasoning", Kind.NULLABLE_TEXT),
            new LaxField(SESSION, "transcript[].proposed_conditions", Kind.NULLABLE_STRINGS),
            new LaxField(SESSION, "transcript[].concerns", Kind.NULLABLE_STRINGS),
            new LaxField(SESSION, "transcript[].agrees", Kind.BOOLEAN),
            new LaxField(GRAPH, "nodes{}.type", Kind.TEXT),
            new LaxField(GRAPH, "nodes{}.summary", Kind.NULLABLE_TEXT),
            new LaxField(GRAPH, "nodes{}.details", Kind.TEXT),
            new LaxField(GRAPH, "nodes{}.tags", Kind.STRINGS),
            new LaxField(GRAPH, "nodes{}.severity", Kind.NULLABLE_TEXT),
            new LaxField(GRAPH, "nodes{}.related_to", Kind.STRINGS),
            new LaxField(GRAPH, "nodes{}.references_files", Kind.STRINGS));

    static final int VARIANTS = 5;

    private LaxCorpus() {
    }

    /** The value of alternative {@code variant} for a field (one per variant, every alternative used once). */
    static JsonNode value(String file, String field, int variant) {
        LaxField lax = FIELDS.stream().filter(f -> f.file().equals(file) && f.field().equals(field)).findFirst()
                .orElseThrow();
        return lax.kind().alternatives.get(variant % lax.kind().alternatives.size()).deepCopy();
    }

    /** Puts alternative {@code i} of every metadata field into the i-th agent's record; returns the agent ids. */
    static List<String> laxMetadata(Path data) throws Exception {
        Path file = data.resolve(METADATA);
        ObjectNode root = (ObjectNode) ApiClient.JSON.readTree(Files.readString(file));
        List<String> ids = new ArrayList<>();
        root.propertyNames().forEach(ids::add);
        for (int i = 0; i < ids.size(); i++) {
            ObjectNode record = (ObjectNode) root.get(ids.get(i));
            for (String field : List.of("tags", "notes", "parent_agent_id", "spawn_reason")) {
                record.set(field, value(METADATA, field, i));
            }
            ObjectNode event = (ObjectNode) record.get("lifecycle_events").get(0);
            event.set("reason", value(METADATA, "lifecycle_events[].reason", i));
            event.set("conditions", value(METADATA, "lifecycle_events[].conditions", i));
        }
        Files.writeString(file, ApiClient.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        return ids;
    }

    /**
     * One session per variant, in phase synthesis after a lax thesis and antithesis (each variant's alternatives
     * in every session and message field), created a minute ago between {@code paused} and {@code reviewer}.
     */
    static List<String> laxSessions(Path data, String paused, String reviewer) throws Exception {
        Path dir = Files.createDirectories(data.resolve("dialectic_sessions"));
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC).minusMinutes(1);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < VARIANTS; i++) {
            String sid = "%016x".formatted(0xabc000L + i);
            ObjectNode s = NODES.objectNode();
            s.put("session_id", sid);
            s.put("paused_agent_id", paused);
            s.put("reviewer_agent_id", reviewer);
            s.put("phase", "synthesis");
            s.put("synthesis_round", 1);
            ArrayNode transcript = s.putArray("transcript");
            transcript.add(message("thesis", paused, now.plusSeconds(1), i));
            transcript.add(message("antithesis", reviewer, now.plusSeconds(2), i));
            s.set("resolution", value(SESSION, "resolution", i));
            s.put("created_at", now.format(STORED));
            s.set("discovery_id", value(SESSION, "discovery_id", i));
            s.set("dispute_type", value(SESSION, "dispute_type", i));
            s.set("paused_agent_state", object("coherence", "0.5"));
            s.set("reason", value(SESSION, "reason", i));
            s.put("session_type", "review");
            Files.writeString(dir.resolve(sid + ".json"),
                    ApiClient.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(s));
            ids.add(sid);
        }
        return ids;
    }

    private static ObjectNode message(String phase, String agent, LocalDateTime at, int i) {
        ObjectNode m = NODES.objectNode();
        m.put("phase", phase);
        m.put("agent_id", agent);
        m.put("timestamp", at.format(STORED));
        for (String field : List.of("root_cause", "reasoning", "proposed_conditions", "concerns", "agrees")) {
            m.set(field, value(SESSION, "transcript[]." + field, i));
        }
        m.set("observed_metrics", i % 2 == 0 ? NODES.stringNode("coherence looked fine") : object("coherence", "x"));
        return m;
    }

    /** One discovery per variant owned by {@code owner}, each variant's alternatives in every node field. */
    static List<String> laxGraph(Path data, String owner) throws Exception {
        LocalDateTime at = LocalDateTime.now(ZoneOffset.UTC).minusDays(2);
        ObjectNode nodes = NODES.objectNode();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < VARIANTS; i++) {
            String id = at.plusSeconds(i).format(STORED);
            ObjectNode n = nodes.putObject(id);
            n.put("id", id);
            n.put("agent_id", owner);
            for (String field : List.of("type", "summary", "details", "tags", "severity")) {
                n.set(field, value(GRAPH, "nodes{}." + field, i));
            }
            n.put("timestamp", id);
            n.put("status", "open");
            n.set("related_to", value(GRAPH, "nodes{}.related_to", i));
            n.set("references_files", value(GRAPH, "nodes{}.references_files", i));
            n.putNull("resolved_at");
            n.putNull("updated_at");
            ids.add(id);
        }
        ObjectNode root = NODES.objectNode();
        root.put("version", "1.0");
        root.set("nodes", nodes);
        root.putObject("indexes");
        Files.writeString(data.resolve(GRAPH), ApiClient.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        return ids;
    }

    /** Field → the JSON types (besides the documented one) the corpus stores in it, for the closing report. */
    static Map<String, List<String>> alternativesByField() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (LaxField f : FIELDS) {
            out.put(f.file() + " " + f.field(), f.kind().alternatives.stream().map(JsonNode::toString).toList());
        }
        return out;
    }

    private static ObjectNode object(String k, String v) {
        ObjectNode o = NODES.objectNode();
        o.put(k, v);
        return o;
    }

    private static ArrayNode array(String... values) {
        ArrayNode a = NODES.arrayNode();
        for (String v : values) {
            a.add(v);
        }
        return a;
    }

    private static ArrayNode mixedArray() {
        ArrayNode a = NODES.arrayNode();
        a.add(1);
        a.add(true);
        a.add(object("k", "1"));
        return a;
    }
}
