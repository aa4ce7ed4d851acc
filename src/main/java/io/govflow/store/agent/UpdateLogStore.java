package io.govflow.store.agent;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import io.govflow.store.io.FileStamp;

/**
 * The per-agent update logs: the commit point of every update and the source of truth for the engine state
 * ({@code 10-storage.md} §5). Mutations are called under the agent's lock; reads take none. Implemented by the
 * file store ({@link UpdateLog}) and by the in-memory store of benchmarks and tests.
 */
public interface UpdateLogStore {

    /** Appends one line durably (the commit point); its seq must follow the last one. Returns the new end. */
    default long append(String agentId, UpdateLogEntry entry) {
        return append(agentId, entry, -1);
    }

    /** {@link #append(String, UpdateLogEntry)} at a known end of the last good line ({@code -1}: unknown). */
    long append(String agentId, UpdateLogEntry entry, long knownEnd);

    /** The log's identity and size (its end), null when the agent has no log; an unchanged stamp, an unchanged log. */
    @Nullable FileStamp stamp(String agentId);

    /** The last {@code n} entries in log order. */
    List<UpdateLogEntry> readTail(String agentId, int n);

    Optional<UpdateLogEntry> last(String agentId);

    Optional<UpdateLogEntry> first(String agentId);

    /** Bytes after the last good line (a torn append); 0 when none. */
    long tornTailBytes(String agentId);

    /** The last entry and where the last good line ends, read at once. */
    LogEnd end(String agentId);

    /** The last committed seq; 0 without a log. */
    default long lastSeq(String agentId) {
        return last(agentId).map(UpdateLogEntry::seq).orElse(0L);
    }

    /** Every committed entry in order, with flat memory. */
    void forEach(String agentId, Consumer<? super UpdateLogEntry> action);

    /** The log's shape: seq range, contiguity, torn tail. */
    LogScan scan(String agentId);

    /** Moves a torn tail aside and cuts the log back to its last good line; false when there was none. */
    boolean repairTornTail(String agentId);

    /** Replaces the whole log (migration and repair). */
    void writeAll(String agentId, Iterable<UpdateLogEntry> entries);

    /** Deletes the agent's log durably (admin purge, under the agent lock); false when there was none. */
    boolean delete(String agentId);
}
