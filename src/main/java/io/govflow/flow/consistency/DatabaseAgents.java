package io.govflow.flow.consistency;

import java.util.SortedSet;
import java.util.TreeSet;

import io.govflow.store.agent.LogScan;
import io.govflow.store.agent.UpdateLogEntry;
import io.govflow.store.agent.UpdateLogStore;
import io.govflow.store.postgres.PostgresStateStore;
import io.govflow.store.postgres.PostgresUpdateLog;

/**
 * The agents' data in PostgreSQL as the consistency check sees it: which agents have log or state rows (an agent
 * with rows but no metadata record is an orphan, as a file without a record is), and each log read row by row.
 * A log's head row (what appends and {@link UpdateLogStore#scan} trust) is checked against the rows themselves:
 * a row deleted or added behind the service's back shows as a log that is not contiguous.
 */
final class DatabaseAgents {

    private final PostgresUpdateLog logs;
    private final PostgresStateStore states;

    DatabaseAgents(PostgresUpdateLog logs, PostgresStateStore states) {
        this.logs = logs;
        this.states = states;
    }

    SortedSet<String> logIds() {
        return new TreeSet<>(logs.agentIds());
    }

    SortedSet<String> stateIds() {
        return new TreeSet<>(states.agentIds());
    }

    /** The log's shape from its rows (every line decoded, so a damaged line fails here), checked against its head. */
    LogScan scan(String agentId) {
        LogScan head = logs.scan(agentId);
        Tally rows = new Tally();
        logs.forEach(agentId, rows::add);
        boolean headAgrees = head.entries() == rows.entries && head.lastSeq() == rows.lastSeq
                && head.firstSeq() == rows.firstSeq;
        return new LogScan(rows.entries, rows.firstSeq, rows.lastSeq, rows.contiguous && headAgrees, 0,
                head.goodLength(), rows.nonFinite, rows.firstNonFiniteSeq);
    }

    /** Running totals over a log's rows in seq order. */
    private static final class Tally {
        long entries;
        long firstSeq;
        long lastSeq;
        boolean contiguous = true;
        long nonFinite;
        long firstNonFiniteSeq;

        void add(UpdateLogEntry entry) {
            long seq = entry.seq();
            if (!entry.allFinite()) {
                nonFinite++;
                firstNonFiniteSeq = firstNonFiniteSeq == 0 ? seq : firstNonFiniteSeq;
            }
            if (entries == 0) {
                firstSeq = seq;
            } else if (seq != lastSeq + 1) {
                contiguous = false;
            }
            entries++;
            lastSeq = seq;
        }
    }
}
