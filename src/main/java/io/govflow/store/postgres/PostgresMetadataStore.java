package io.govflow.store.postgres;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

import org.springframework.jdbc.core.JdbcTemplate;

import io.govflow.error.ErrorCode;
import io.govflow.error.GovflowException;
import io.govflow.store.agent.AgentFileErrors;
import io.govflow.store.agent.AgentRecord;
import io.govflow.store.agent.MetadataCodec;
import io.govflow.store.agent.MetadataFile;
import io.govflow.store.agent.MetadataStore;
import io.govflow.store.io.FileFormatException;
import io.govflow.store.io.SafeIds;
import io.govflow.store.io.StoreJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Metadata records as rows of {@code agent_metadata}, each in its JSON shape (unknown fields kept). Every change
 * runs in one transaction that first bumps the {@code metadata} store version (which orders changes across
 * replicas, as the metadata lock does for files) and then locks and rewrites only the rows it changes. The whole
 * registry is cached per replica and reused while the version is unchanged; single records are always read from
 * the database. A row that cannot be read makes only its agent {@code METADATA_CORRUPT}.
 */
public final class PostgresMetadataStore implements MetadataStore {

    private final PostgresDatabase db;
    private final MetadataCodec codec;
    private final StoreJson json;
    private volatile Snapshot snapshot = new Snapshot(-1, MetadataFile.EMPTY);

    private record Snapshot(long version, MetadataFile file) {
    }

    private record Row(String agentId, String document) {
    }

    public PostgresMetadataStore(PostgresDatabase db, MetadataCodec codec, StoreJson json) {
        this.db = db;
        this.codec = codec;
        this.json = json;
    }

    @Override
    public SortedMap<String, AgentRecord> readAll() {
        return Collections.unmodifiableSortedMap(current().records());
    }

    @Override
    public SortedMap<String, MetadataFile.DamagedRecord> damaged() {
        return Collections.unmodifiableSortedMap(current().damaged());
    }

    @Override
    public Optional<AgentRecord> find(String agentId) {
        List<Row> rows = db.read(jdbc -> select(jdbc, "WHERE agent_id = ?", agentId));
        return rows.isEmpty() ? Optional.empty() : Optional.of(decodeOrThrow(rows.get(0)));
    }

    @Override
    public AgentRecord update(String agentId, UnaryOperator<AgentRecord> change) {
        return db.inTransaction(jdbc -> {
            bumpVersion(jdbc);
            List<Row> rows = select(jdbc, "WHERE agent_id = ? FOR UPDATE", agentId);
            if (rows.isEmpty()) {
                throw GovflowException.withDetails(ErrorCode.AGENT_NOT_FOUND, Map.of("agent_id", agentId), agentId);
            }
            AgentRecord before = decodeOrThrow(rows.get(0));
            AgentRecord after = checked(agentId, change.apply(before));
            if (!after.equals(before)) {
                write(jdbc, after);
            }
            return after;
        });
    }

    @Override
    public List<String> updateAll(UnaryOperator<AgentRecord> change) {
        return db.inTransaction(jdbc -> {
            bumpVersion(jdbc);
            List<String> changed = new ArrayList<>();
            for (Row row : select(jdbc, "ORDER BY agent_id FOR UPDATE")) {
                Optional<AgentRecord> before = decode(row);
                if (before.isEmpty()) {
                    continue; // a damaged record is kept as stored
                }
                AgentRecord after = checked(row.agentId(), change.apply(before.get()));
                if (!after.equals(before.get())) {
                    write(jdbc, after);
                    changed.add(row.agentId());
                }
            }
            return List.copyOf(changed);
        });
    }

    @Override
    public Map<String, AgentRecord> updateEach(Map<String, UnaryOperator<AgentRecord>> changes) {
        if (changes.isEmpty()) {
            return Map.of();
        }
        return db.inTransaction(jdbc -> {
            bumpVersion(jdbc);
            Map<String, AgentRecord> after = new TreeMap<>();
            for (Row row : selectIds(jdbc, new TreeMap<>(changes).keySet())) {
                Optional<AgentRecord> before = decode(row);
                if (before.isEmpty()) {
                    continue;
                }
                AgentRecord changed = checked(row.agentId(), changes.get(row.agentId()).apply(before.get()));
                if (!changed.equals(before.get())) {
                    write(jdbc, changed);
                }
                after.put(row.agentId(), changed);
            }
            return after;
        });
    }

    @Override
    public void create(AgentRecord record) {
        String agentId = SafeIds.agentId(record.agentId());
        db.inTransaction(jdbc -> {
            bumpVersion(jdbc);
            String document = document(record);
            int inserted = jdbc.update("INSERT INTO agent_metadata (agent_id, status, record_text, record) "
                    + "VALUES (?, ?, ?, ?::jsonb) ON CONFLICT (agent_id) DO NOTHING", agentId, record.status().word(),
                    document, JsonbText.jsonbOrNull(document));
            if (inserted == 0) {
                throw GovflowException.withDetails(ErrorCode.AGENT_EXISTS, Map.of("agent_id", agentId), agentId);
            }
            return null;
        });
    }

    @Override
    public boolean remove(String agentId) {
        return db.inTransaction(jdbc -> {
            bumpVersion(jdbc);
            return jdbc.update("DELETE FROM agent_metadata WHERE agent_id = ?", agentId) > 0;
        });
    }

    /** Every row as stored, decoded or kept aside as damaged: the registry as a file would hold it. */
    public MetadataFile current() {
        long version = db.read(jdbc -> jdbc.queryForObject(
                "SELECT version FROM store_version WHERE name = 'metadata'", Long.class));
        Snapshot cached = snapshot;
        if (cached.version() == version) {
            return cached.file();
        }
        Snapshot fresh = db.inTransaction(jdbc -> {
            // the version and the rows of one snapshot of the database
            jdbc.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
            long seen = jdbc.queryForObject("SELECT version FROM store_version WHERE name = 'metadata'", Long.class);
            return new Snapshot(seen, decodeAll(select(jdbc, "ORDER BY agent_id")));
        });
        snapshot = fresh;
        return fresh.file();
    }

    /** Writes a record as given (migration into the database); replaces one that is there. */
    public void put(AgentRecord record) {
        db.inTransaction(jdbc -> {
            bumpVersion(jdbc);
            write(jdbc, record);
            return null;
        });
    }

    /** Stores a damaged record exactly as read (migration): it stays unavailable, as in the file it came from. */
    public void putDamaged(MetadataFile.DamagedRecord damaged) {
        db.inTransaction(jdbc -> {
            bumpVersion(jdbc);
            String document = json.mapper().writeValueAsString(damaged.stored());
            jdbc.update("INSERT INTO agent_metadata (agent_id, status, record_text, record) "
                    + "VALUES (?, 'damaged', ?, ?::jsonb) ON CONFLICT (agent_id) DO UPDATE SET status = 'damaged', "
                    + "record_text = EXCLUDED.record_text, record = EXCLUDED.record, changed_at = now()",
                    damaged.agentId(), document, JsonbText.jsonbOrNull(document));
            return null;
        });
    }

    private MetadataFile decodeAll(List<Row> rows) {
        SortedMap<String, AgentRecord> records = new TreeMap<>();
        SortedMap<String, MetadataFile.DamagedRecord> damaged = new TreeMap<>();
        for (Row row : rows) {
            try {
                records.put(row.agentId(), decodeStrict(row));
            } catch (FileFormatException e) {
                damaged.put(row.agentId(), new MetadataFile.DamagedRecord(row.agentId(), storedNode(row),
                        e.getMessage()));
            }
        }
        return new MetadataFile(records, damaged);
    }

    private Optional<AgentRecord> decode(Row row) {
        try {
            return Optional.of(decodeStrict(row));
        } catch (FileFormatException e) {
            return Optional.empty();
        }
    }

    private AgentRecord decodeOrThrow(Row row) {
        try {
            return decodeStrict(row);
        } catch (FileFormatException e) {
            throw AgentFileErrors.recordCorrupt(row.agentId(), e.getMessage());
        }
    }

    private AgentRecord decodeStrict(Row row) {
        JsonNode node = json.parse(row.document().getBytes(StandardCharsets.UTF_8));
        if (!node.isObject()) {
            throw new FileFormatException("the record is not an object");
        }
        return codec.recordFrom((ObjectNode) node, row.agentId());
    }

    private JsonNode storedNode(Row row) {
        try {
            return json.parse(row.document().getBytes(StandardCharsets.UTF_8));
        } catch (FileFormatException e) {
            return json.mapper().getNodeFactory().stringNode(row.document());
        }
    }

    private String document(AgentRecord record) {
        return new String(json.toCompactBytes(codec.toObject(record)), StandardCharsets.UTF_8);
    }

    private void write(JdbcTemplate jdbc, AgentRecord record) {
        String document = document(record);
        jdbc.update("INSERT INTO agent_metadata (agent_id, status, record_text, record) VALUES (?, ?, ?, ?::jsonb) "
                + "ON CONFLICT (agent_id) DO UPDATE SET status = EXCLUDED.status, record_text = EXCLUDED.record_text, "
                + "record = EXCLUDED.record, changed_at = now()", record.agentId(), record.status().word(), document,
                JsonbText.jsonbOrNull(document));
    }

    private static void bumpVersion(JdbcTemplate jdbc) {
        jdbc.update("UPDATE store_version SET version = version + 1 WHERE name = 'metadata'");
    }

    private static List<Row> select(JdbcTemplate jdbc, String tail, Object... args) {
        return jdbc.query("SELECT agent_id, record_text FROM agent_metadata " + tail,
                (rs, n) -> new Row(rs.getString(1), rs.getString(2)), args);
    }

    private static List<Row> selectIds(JdbcTemplate jdbc, Collection<String> ids) {
        return jdbc.query("SELECT agent_id, record_text FROM agent_metadata WHERE agent_id = ANY (?) "
                + "ORDER BY agent_id FOR UPDATE", (rs, n) -> new Row(rs.getString(1), rs.getString(2)),
                (Object) ids.toArray(String[]::new));
    }

    private static AgentRecord checked(String agentId, AgentRecord changed) {
        Objects.requireNonNull(changed, "change returned null");
        if (!changed.agentId().equals(agentId)) {
            throw new IllegalArgumentException("a metadata change must not alter the agent id");
        }
        return changed;
    }
}
