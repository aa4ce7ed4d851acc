package io.govflow.store.postgres;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import io.govflow.error.ErrorCode;
import io.govflow.error.GovflowException;
import io.govflow.store.io.FileFormatException;
import io.govflow.store.io.LogText;
import io.govflow.store.io.StoreJson;
import io.govflow.store.knowledge.Discovery;
import io.govflow.store.knowledge.KnowledgeGraph;
import io.govflow.store.knowledge.KnowledgeGraphCodec;
import io.govflow.store.knowledge.KnowledgeGraphStore;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The knowledge graph in {@code knowledge_graph} (one row: version, unknown top-level fields, revision) and
 * {@code knowledge_discovery} (one row per node, its document in {@code jsonb}). Nodes are read exactly as the file
 * store reads them ({@link KnowledgeGraphCodec#fromObject}), so a node that cannot be read is kept aside as stored
 * and only it is unavailable, and searches over the graph rank as on the file store.
 *
 * <p>Reads serve the last graph seen while the stored revision is unchanged (one indexed lookup per read). A change
 * is one transaction holding the graph row's lock ({@code SELECT ... FOR UPDATE}) across read, merge and write, so
 * changes from every replica serialize and none is lost; it writes only the nodes the change replaced.
 */
public final class PostgresKnowledgeGraphStore implements KnowledgeGraphStore {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresKnowledgeGraphStore.class);

    private final PostgresDatabase database;
    private final KnowledgeGraphCodec codec;
    private final StoreJson json;
    private volatile @Nullable Snapshot last;

    /** A graph as stored at a revision. */
    private record Snapshot(long revision, KnowledgeGraph graph) {
    }

    /** The graph row. */
    private record Head(long revision, String version, String unknownFields) {
    }

    public PostgresKnowledgeGraphStore(PostgresDatabase database, KnowledgeGraphCodec codec, StoreJson json) {
        this.database = database;
        this.codec = codec;
        this.json = json;
    }

    @Override
    public KnowledgeGraphCodec codec() {
        return codec;
    }

    @Override
    public KnowledgeGraph read() {
        Snapshot snapshot = database.read(jdbc -> current(jdbc, head(jdbc, "")));
        last = snapshot;
        return snapshot.graph();
    }

    @Override
    public <T> T update(Function<KnowledgeGraph, Change<T>> change) {
        Written<T> written = database.inTransaction(jdbc -> {
            Snapshot before = current(jdbc, head(jdbc, " FOR UPDATE"));
            Change<T> result = Objects.requireNonNull(change.apply(before.graph()), "change returned null");
            if (result.graph() == before.graph()) {
                return new Written<>(before, result.value());
            }
            long revision = before.revision() + 1;
            store(jdbc, before.graph(), result.graph(), revision);
            return new Written<>(new Snapshot(revision, result.graph()), result.value());
        });
        last = written.snapshot();
        return written.value();
    }

    /** What a committed change leaves: the graph now stored, and the change's result. */
    private record Written<T>(Snapshot snapshot, T value) {
    }

    private Head head(JdbcTemplate jdbc, String lock) {
        return Objects.requireNonNull(jdbc.queryForObject("SELECT revision, version, unknown_fields::text AS unknown "
                + "FROM knowledge_graph" + lock, (rs, n) -> new Head(rs.getLong("revision"), rs.getString("version"),
                        rs.getString("unknown"))));
    }

    /** The graph at the head's revision: the one held when it is that revision, else read again. */
    private Snapshot current(JdbcTemplate jdbc, Head head) {
        Snapshot held = last;
        if (held != null && held.revision() == head.revision()) {
            return held;
        }
        ObjectNode root = json.object();
        root.put("version", head.version());
        ObjectNode nodes = root.putObject("nodes");
        jdbc.query("SELECT discovery_id, document::text AS document FROM knowledge_discovery ORDER BY discovery_id",
                rs -> {
                    nodes.set(rs.getString("discovery_id"), parse(rs.getString("document")));
                });
        try {
            parseObject(head.unknownFields()).properties().forEach(field -> root.set(field.getKey(), field.getValue()));
            return new Snapshot(head.revision(), codec.fromObject(root));
        } catch (FileFormatException e) {
            LOG.error("Damaged knowledge graph row: {}", LogText.safe(e));
            throw new GovflowException(ErrorCode.STATE_CORRUPT, Map.of("file", "knowledge_graph"), null, e);
        }
    }

    private JsonNode parse(String document) {
        return json.parse(document.getBytes(StandardCharsets.UTF_8));
    }

    private ObjectNode parseObject(String document) {
        return json.parseObject(document.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes the nodes {@code after} replaced or added (by identity) and removes those it dropped. */
    private void store(JdbcTemplate jdbc, KnowledgeGraph before, KnowledgeGraph after, long revision) {
        List<Object[]> upserts = new ArrayList<>();
        Set<String> ids = new TreeSet<>(after.nodes().keySet());
        ids.addAll(after.damaged().keySet());
        for (String id : ids) {
            Object was = nodeOf(before, id);
            if (was == nodeOf(after, id)) {
                continue;
            }
            JsonNode document = Objects.requireNonNull(stored(after, id));
            String agent = agentOf(document);
            if (was != null && !agentOf(stored(before, id)).equals(agent)) {
                jdbc.update("DELETE FROM knowledge_discovery WHERE agent_id = ? AND discovery_id = ?",
                        agentOf(stored(before, id)), id);
            }
            upserts.add(new Object[] { agent, id, compact(document), revision });
        }
        jdbc.batchUpdate("INSERT INTO knowledge_discovery (agent_id, discovery_id, document, revision) "
                + "VALUES (?, ?, ?::jsonb, ?) ON CONFLICT (agent_id, discovery_id) DO UPDATE "
                + "SET document = excluded.document, revision = excluded.revision", upserts);
        removeDropped(jdbc, before, ids);
        ObjectNode unknown = json.object();
        after.unknownFields().forEach(unknown::set);
        jdbc.update("UPDATE knowledge_graph SET version = ?, unknown_fields = ?::jsonb, revision = ?",
                after.version(), compact(unknown), revision);
    }

    private static void removeDropped(JdbcTemplate jdbc, KnowledgeGraph before, Set<String> kept) {
        Set<String> dropped = new TreeSet<>(before.nodes().keySet());
        dropped.addAll(before.damaged().keySet());
        dropped.removeAll(kept);
        for (String id : dropped) {
            jdbc.update("DELETE FROM knowledge_discovery WHERE discovery_id = ?", id);
        }
    }

    /** The node as an object in the file's shape (a damaged one as stored). */
    private @Nullable JsonNode stored(KnowledgeGraph graph, String id) {
        KnowledgeGraph.DamagedNode damaged = graph.damaged().get(id);
        if (damaged != null) {
            return damaged.stored();
        }
        Discovery discovery = graph.nodes().get(id);
        return discovery == null ? null : codec.toObject(discovery);
    }

    private static @Nullable Object nodeOf(KnowledgeGraph graph, String id) {
        Discovery discovery = graph.nodes().get(id);
        return discovery != null ? discovery : graph.damaged().get(id);
    }

    /** The owning agent's id as stored; '' for a damaged node without one. */
    private static String agentOf(@Nullable JsonNode document) {
        JsonNode agent = document == null ? null : document.get("agent_id");
        return agent != null && agent.isString() ? agent.stringValue() : "";
    }

    private String compact(JsonNode document) {
        return new String(json.toCompactBytes(document), StandardCharsets.UTF_8);
    }
}
