package io.govflow.store.postgres;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

import org.springframework.jdbc.core.JdbcTemplate;

import io.govflow.error.ErrorCode;
import io.govflow.error.GovflowException;
import io.govflow.store.context.ContextChange;
import io.govflow.store.context.ContextFileNames;
import io.govflow.store.context.ContextManifest;
import io.govflow.store.context.ContextStore;
import io.govflow.store.context.ManifestRebuild;
import io.govflow.store.io.SafeIds;
import io.govflow.store.io.StoreJson;

/**
 * Context documents in PostgreSQL: each document and previous copy as its exact bytes (so {@code m.h} and what is
 * served are the file store's, byte for byte), the manifest as its JSON text on the tenant's row. A change runs in
 * one transaction holding that row ({@code SELECT … FOR UPDATE}), so replicas sharing the database change one
 * tenant's context one at a time; a busy row past {@code lock_timeout} answers {@code LOCK_TIMEOUT}.
 */
public final class PostgresContextStore implements ContextStore {

    private static final String CURRENT = "current";
    private static final String PREVIOUS = "previous";
    /** A purge may remove the tenant's row between creating it and locking it; then it is created again. */
    private static final int LOCK_ATTEMPTS = 5;

    private final PostgresDatabase database;
    private final ManifestRebuild manifests;

    public PostgresContextStore(PostgresDatabase database, StoreJson json) {
        this.database = database;
        this.manifests = new ManifestRebuild(json);
    }

    @Override
    public Optional<byte[]> readDocument(String agentId, String type) {
        return database.read(jdbc -> content(jdbc, SafeIds.agentId(agentId), type, CURRENT));
    }

    @Override
    public Optional<byte[]> readPrevious(String agentId, String type) {
        return database.read(jdbc -> content(jdbc, SafeIds.agentId(agentId), type, PREVIOUS));
    }

    @Override
    public List<String> storedTypes(String agentId) {
        SafeIds.agentId(agentId);
        List<String> types = new ArrayList<>(database.read(jdbc -> jdbc.queryForList(
                "SELECT context_type FROM context_document WHERE agent_id = ? AND slot = ?", String.class,
                agentId, CURRENT)));
        types.removeIf(type -> !ContextFileNames.isValidType(type));
        types.sort(null);
        return types;
    }

    @Override
    public ContextManifest manifest(String agentId) {
        return database.read(jdbc -> manifest(jdbc, SafeIds.agentId(agentId)));
    }

    @Override
    public <T> T change(String agentId, Function<ContextChange, T> work) {
        return database.inTransaction(jdbc -> {
            lockTenant(jdbc, agentId);
            return work.apply(new LockedChange(jdbc, agentId));
        });
    }

    @Override
    public int deleteAll(String agentId) {
        return database.inTransaction(jdbc -> {
            lockTenant(jdbc, agentId);
            int documents = jdbc.update("DELETE FROM context_document WHERE agent_id = ?", agentId);
            List<Boolean> manifest = jdbc.queryForList(
                    "DELETE FROM context_manifest WHERE agent_id = ? RETURNING manifest IS NOT NULL", Boolean.class,
                    agentId);
            return documents + (manifest.contains(Boolean.TRUE) ? 1 : 0);
        });
    }

    /** Creates the tenant's row when missing and holds it until the transaction ends. */
    private static void lockTenant(JdbcTemplate jdbc, String agentId) {
        SafeIds.agentId(agentId);
        for (int attempt = 0; attempt < LOCK_ATTEMPTS; attempt++) {
            jdbc.update("INSERT INTO context_manifest (agent_id) VALUES (?) ON CONFLICT (agent_id) DO NOTHING",
                    agentId);
            if (!jdbc.queryForList("SELECT agent_id FROM context_manifest WHERE agent_id = ? FOR UPDATE",
                    String.class, agentId).isEmpty()) {
                return;
            }
        }
        throw GovflowException.retryAfter(ErrorCode.LOCK_TIMEOUT, 1, Map.of());
    }

    private static Optional<byte[]> content(JdbcTemplate jdbc, String agentId, String type, String slot) {
        ContextFileNames.requireType(type);
        List<byte[]> rows = jdbc.query(
                "SELECT content FROM context_document WHERE agent_id = ? AND context_type = ? AND slot = ?",
                (row, n) -> row.getBytes(1), agentId, type, slot);
        return rows.stream().findFirst();
    }

    private ContextManifest manifest(JdbcTemplate jdbc, String agentId) {
        List<Optional<byte[]>> rows = jdbc.query("SELECT manifest FROM context_manifest WHERE agent_id = ?",
                (row, n) -> Optional.ofNullable(row.getString(1)).map(text -> text.getBytes(StandardCharsets.UTF_8)),
                agentId);
        Optional<byte[]> stored = rows.stream().findFirst().flatMap(Function.identity());
        return manifests.readOrRebuild(agentId, stored, () -> currentDocuments(jdbc, agentId));
    }

    private static Map<String, byte[]> currentDocuments(JdbcTemplate jdbc, String agentId) {
        Map<String, byte[]> documents = new TreeMap<>();
        jdbc.query("SELECT context_type, content FROM context_document WHERE agent_id = ? AND slot = ?",
                row -> {
                    String type = row.getString(1);
                    if (ContextFileNames.isValidType(type)) {
                        documents.put(type, row.getBytes(2));
                    }
                }, agentId, CURRENT);
        return documents;
    }

    private static void write(JdbcTemplate jdbc, String agentId, String type, String slot, byte[] content) {
        ContextFileNames.requireType(type);
        jdbc.update("INSERT INTO context_document (agent_id, context_type, slot, content) VALUES (?, ?, ?, ?) "
                + "ON CONFLICT (agent_id, context_type, slot) DO UPDATE SET content = EXCLUDED.content",
                agentId, type, slot, content);
    }

    /** The tenant's rows while {@link #change} holds its row in one transaction. */
    private final class LockedChange implements ContextChange {

        private final JdbcTemplate jdbc;
        private final String agentId;

        LockedChange(JdbcTemplate jdbc, String agentId) {
            this.jdbc = jdbc;
            this.agentId = agentId;
        }

        @Override
        public Optional<byte[]> readDocument(String type) {
            return content(jdbc, agentId, type, CURRENT);
        }

        @Override
        public void writeDocument(String type, byte[] content) {
            write(jdbc, agentId, type, CURRENT, content);
        }

        @Override
        public void writePrevious(String type, byte[] content) {
            write(jdbc, agentId, type, PREVIOUS, content);
        }

        @Override
        public boolean delete(String type) {
            ContextFileNames.requireType(type);
            return jdbc.update("DELETE FROM context_document WHERE agent_id = ? AND context_type = ?", agentId,
                    type) > 0;
        }

        @Override
        public ContextManifest manifest() {
            return PostgresContextStore.this.manifest(jdbc, agentId);
        }

        @Override
        public void writeManifest(ContextManifest manifest) {
            if (!manifest.agentId().equals(agentId)) {
                throw new IllegalArgumentException("the manifest of another tenant");
            }
            jdbc.update("UPDATE context_manifest SET manifest = ? WHERE agent_id = ?",
                    new String(manifests.encode(manifest), StandardCharsets.UTF_8), agentId);
        }
    }
}
