package io.govflow.store.postgres;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import io.govflow.store.agent.AgentFileErrors;
import io.govflow.store.agent.StateFile;
import io.govflow.store.agent.StateFileCodec;
import io.govflow.store.agent.StateStore;
import io.govflow.store.io.FileFormatException;

/**
 * State checkpoints as rows of {@code agent_state}: the state document in its JSON shape, its
 * {@code update_count} beside it. There is no legacy place in the database: a reference data directory's old
 * state files are moved into place before a migration copies them.
 */
public final class PostgresStateStore implements StateStore {

    static final String STORE = "agent_state";

    private final PostgresDatabase db;
    private final StateFileCodec codec;

    public PostgresStateStore(PostgresDatabase db, StateFileCodec codec) {
        this.db = db;
        this.codec = codec;
    }

    @Override
    public Optional<StateFile> read(String agentId) {
        List<String> documents = db.read(jdbc -> jdbc.queryForList(
                "SELECT state_text FROM agent_state WHERE agent_id = ?", String.class, agentId));
        if (documents.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(codec.parse(documents.get(0).getBytes(StandardCharsets.UTF_8)));
        } catch (FileFormatException e) {
            throw AgentFileErrors.rowCorrupt(agentId, STORE, e);
        }
    }

    @Override
    public OptionalLong peekUpdateCount(String agentId) {
        List<Long> counts = db.read(jdbc -> jdbc.queryForList(
                "SELECT update_count FROM agent_state WHERE agent_id = ?", Long.class, agentId));
        return counts.isEmpty() ? OptionalLong.empty() : OptionalLong.of(counts.get(0));
    }

    @Override
    public Optional<StateFile> readLegacy(String agentId) {
        return Optional.empty();
    }

    @Override
    public void write(String agentId, StateFile state) {
        putText(agentId, state.updateCount(), new String(codec.format(state), StandardCharsets.UTF_8));
    }

    /** The checkpoint's exact text (a state file moved in by a migration), as stored. */
    public Optional<String> readText(String agentId) {
        List<String> documents = db.read(jdbc -> jdbc.queryForList(
                "SELECT state_text FROM agent_state WHERE agent_id = ?", String.class, agentId));
        return documents.isEmpty() ? Optional.empty() : Optional.of(documents.get(0));
    }

    /** Stores a checkpoint as this exact text (its {@code update_count} given beside it). */
    public void putText(String agentId, long updateCount, String document) {
        db.read(jdbc -> jdbc.update("INSERT INTO agent_state (agent_id, update_count, state_text, state) "
                + "VALUES (?, ?, ?, ?::jsonb) ON CONFLICT (agent_id) DO UPDATE SET "
                + "update_count = EXCLUDED.update_count, state_text = EXCLUDED.state_text, state = EXCLUDED.state "
                // a checkpoint never moves back: a replica with an older view does not undo a newer one
                + "WHERE agent_state.update_count <= EXCLUDED.update_count",
                agentId, updateCount, document, JsonbText.jsonbOrNull(document)));
    }

    @Override
    public boolean migrateLegacy(String agentId) {
        return false;
    }

    @Override
    public boolean delete(String agentId) {
        return db.read(jdbc -> jdbc.update("DELETE FROM agent_state WHERE agent_id = ?", agentId)) > 0;
    }

    /** The ids of every agent with a checkpoint. */
    public List<String> agentIds() {
        return db.read(jdbc -> jdbc.queryForList("SELECT agent_id FROM agent_state ORDER BY agent_id", String.class));
    }
}
