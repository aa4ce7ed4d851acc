package io.govflow.store.dialectic;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Where dialectic sessions are kept, one document per session. Reads take no lock and never write. {@link #write}
 * and {@link #createIfAbsent} are called under the session's lock (the flow holds it across read, check and write).
 * A session that cannot be read is {@code STATE_CORRUPT} when asked for by id and left out (with a log line) when
 * listing; it never makes another session unavailable.
 */
public interface SessionStore {

    SessionCodec codec();

    Optional<DialecticSession> find(String sessionId);

    boolean exists(String sessionId);

    /** Every readable session (damaged ones are logged and left out). */
    List<DialecticSession> list();

    /** Every stored session, readable or not, by file name in the data directory's layout (consistency report). */
    List<ScannedSession> scan();

    /** Stores the session, replacing what was stored under its id. The caller holds the session lock. */
    void write(DialecticSession session);

    /** Stores the session unless its id is taken; false when it is. The caller holds the session lock. */
    boolean createIfAbsent(DialecticSession session);

    /**
     * One stored session as found by {@link #scan}: its name in the data directory's layout
     * ({@code <session_id>.json}), and its session or that it cannot be read.
     */
    record ScannedSession(String fileName, @Nullable DialecticSession session, boolean damaged) {
    }
}
