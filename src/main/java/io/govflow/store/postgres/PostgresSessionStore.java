package io.govflow.store.postgres;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.govflow.error.ErrorCode;
import io.govflow.error.GovflowException;
import io.govflow.store.dialectic.DialecticSession;
import io.govflow.store.dialectic.SessionCodec;
import io.govflow.store.dialectic.SessionListing;
import io.govflow.store.dialectic.SessionStore;
import io.govflow.store.io.FileFormatException;
import io.govflow.store.io.LogText;
import io.govflow.store.io.StoreJson;

/**
 * Dialectic sessions in {@code dialectic_session}: one row per session, the session document in {@code jsonb}. A
 * row whose document cannot be read as a session is damaged for that session only: {@code STATE_CORRUPT} when
 * asked for by id, left out (with a log line) of listings, reported by {@link #scan}. Writes are one statement
 * each; the flow holds the session's lock (an advisory lock on this store) across read, check and write.
 */
public final class PostgresSessionStore implements SessionStore, SessionListing {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresSessionStore.class);
    private static final String UPSERT = "INSERT INTO dialectic_session (session_id, paused_agent_id, "
            + "reviewer_agent_id, document) VALUES (?, ?, ?, ?::jsonb) ON CONFLICT (session_id) DO ";

    private final PostgresDatabase database;
    private final SessionCodec codec;
    private final StoreJson json;

    public PostgresSessionStore(PostgresDatabase database, SessionCodec codec, StoreJson json) {
        this.database = database;
        this.codec = codec;
        this.json = json;
    }

    @Override
    public SessionCodec codec() {
        return codec;
    }

    @Override
    public Optional<DialecticSession> find(String sessionId) {
        List<String> documents = database.read(jdbc -> jdbc.queryForList(
                "SELECT document::text FROM dialectic_session WHERE session_id = ?", String.class, sessionId));
        if (documents.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse(documents.get(0)));
        } catch (FileFormatException e) {
            LOG.error("Damaged dialectic session row {}: {}", LogText.safe(sessionId), LogText.safe(e));
            throw new GovflowException(ErrorCode.STATE_CORRUPT,
                    Map.of("file", "dialectic_session", "session_id", sessionId), null, e);
        }
    }

    @Override
    public boolean exists(String sessionId) {
        return Boolean.TRUE.equals(database.read(jdbc -> jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM dialectic_session WHERE session_id = ?)", Boolean.class, sessionId)));
    }

    @Override
    public List<DialecticSession> list() {
        List<DialecticSession> sessions = new ArrayList<>();
        for (ScannedSession row : scan()) {
            if (row.session() != null) {
                sessions.add(row.session());
            }
        }
        return sessions;
    }

    @Override
    public List<DialecticSession> all() {
        return list();
    }

    /** Every row in session id order, a damaged one logged and reported as such. */
    @Override
    public List<ScannedSession> scan() {
        return database.read(jdbc -> jdbc.query(
                "SELECT session_id, document::text AS document FROM dialectic_session ORDER BY session_id",
                (rs, n) -> scanned(rs.getString("session_id"), rs.getString("document"))));
    }

    @Override
    public void write(DialecticSession session) {
        database.read(jdbc -> jdbc.update(UPSERT + "UPDATE SET paused_agent_id = excluded.paused_agent_id, "
                + "reviewer_agent_id = excluded.reviewer_agent_id, document = excluded.document, changed_at = now()",
                session.sessionId(), session.pausedAgentId(), session.reviewerAgentId(), document(session)));
    }

    @Override
    public boolean createIfAbsent(DialecticSession session) {
        int inserted = database.read(jdbc -> jdbc.update(UPSERT + "NOTHING", session.sessionId(),
                session.pausedAgentId(), session.reviewerAgentId(), document(session)));
        return inserted == 1;
    }

    private ScannedSession scanned(String sessionId, String document) {
        String fileName = sessionId + ".json";
        try {
            return new ScannedSession(fileName, parse(document), false);
        } catch (FileFormatException e) {
            LOG.warn("Skipping damaged dialectic session row {}: {}", LogText.safe(sessionId), LogText.safe(e));
            return new ScannedSession(fileName, null, true);
        }
    }

    private DialecticSession parse(String document) {
        return codec.parse(document.getBytes(StandardCharsets.UTF_8));
    }

    private String document(DialecticSession session) {
        return new String(json.toCompactBytes(codec.toObject(session)), StandardCharsets.UTF_8);
    }
}
