package io.govflow.store.postgres;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;

import io.govflow.store.agent.AgentFileErrors;
import io.govflow.store.agent.LogEnd;
import io.govflow.store.agent.LogScan;
import io.govflow.store.agent.UpdateLogCodec;
import io.govflow.store.agent.UpdateLogEntry;
import io.govflow.store.agent.UpdateLogStore;
import io.govflow.store.io.FileFormatException;
import io.govflow.store.io.FileStamp;
import io.govflow.store.io.StoreJson;

/**
 * Update logs as rows: each committed update is one row holding its line's exact text (newline included, so the
 * CRC still covers its bytes and an export writes the file byte for byte). The commit point is the transaction
 * that inserts the row: it locks the agent's {@code update_log_head} row, so seqs stay contiguous even when two
 * replicas append at once, and the primary key refuses a seq twice. The head's {@code bytes} is the length the log
 * has as a file, and {@code generation} changes when the log is replaced: together they are the log's stamp.
 */
public final class PostgresUpdateLog implements UpdateLogStore {

    static final String STORE = "update_log";
    private static final int FETCH_SIZE = 1000;

    private final PostgresDatabase db;
    private final UpdateLogCodec codec;

    private record Head(long generation, long lastSeq, long firstSeq, long lines, long bytes) {
    }

    public PostgresUpdateLog(PostgresDatabase db, StoreJson json) {
        this.db = db;
        this.codec = new UpdateLogCodec(json);
    }

    @Override
    public long append(String agentId, UpdateLogEntry entry, long knownEnd) {
        String line = new String(codec.encode(entry), StandardCharsets.UTF_8);
        return db.inTransaction(jdbc -> appendLine(jdbc, agentId, entry.seq(), line));
    }

    private static long appendLine(JdbcTemplate jdbc, String agentId, long seq, String line) {
        jdbc.update("INSERT INTO update_log_head (agent_id, generation, last_seq, first_seq, lines, bytes) "
                + "VALUES (?, ?, 0, 0, 0, 0) ON CONFLICT (agent_id) DO NOTHING", agentId, newGeneration());
        Head head = jdbc.queryForObject("SELECT generation, last_seq, first_seq, lines, bytes FROM update_log_head "
                + "WHERE agent_id = ? FOR UPDATE", PostgresUpdateLog::head, agentId);
        if (head.lines() > 0 && seq != head.lastSeq() + 1) {
            throw new IllegalStateException("update-log seq " + seq + " does not follow " + head.lastSeq());
        }
        long bytes = head.bytes() + line.getBytes(StandardCharsets.UTF_8).length;
        jdbc.update("INSERT INTO update_log (agent_id, seq, line) VALUES (?, ?, ?)", agentId, seq, line);
        jdbc.update("UPDATE update_log_head SET last_seq = ?, first_seq = ?, lines = lines + 1, bytes = ? "
                + "WHERE agent_id = ?", seq, head.lines() == 0 ? seq : head.firstSeq(), bytes, agentId);
        return bytes;
    }

    @Override
    public @Nullable FileStamp stamp(String agentId) {
        Head head = head(agentId);
        return head == null ? null : new FileStamp(head.bytes(), head.lastSeq(), head.generation(), true);
    }

    @Override
    public List<UpdateLogEntry> readTail(String agentId, int n) {
        if (n <= 0) {
            return List.of();
        }
        List<String> lines = db.read(jdbc -> jdbc.queryForList(
                "SELECT line FROM update_log WHERE agent_id = ? ORDER BY seq DESC LIMIT ?", String.class, agentId, n));
        List<UpdateLogEntry> entries = new ArrayList<>(lines.size());
        for (String line : lines) {
            entries.add(decode(agentId, line));
        }
        Collections.reverse(entries);
        return List.copyOf(entries);
    }

    @Override
    public Optional<UpdateLogEntry> last(String agentId) {
        return one(agentId, "DESC");
    }

    @Override
    public Optional<UpdateLogEntry> first(String agentId) {
        return one(agentId, "ASC");
    }

    private Optional<UpdateLogEntry> one(String agentId, String order) {
        List<String> lines = db.read(jdbc -> jdbc.queryForList(
                "SELECT line FROM update_log WHERE agent_id = ? ORDER BY seq " + order + " LIMIT 1", String.class,
                agentId));
        return lines.isEmpty() ? Optional.empty() : Optional.of(decode(agentId, lines.get(0)));
    }

    @Override
    public long tornTailBytes(String agentId) {
        return 0;
    }

    @Override
    public LogEnd end(String agentId) {
        return db.inTransaction(jdbc -> {
            List<Head> heads = jdbc.query("SELECT generation, last_seq, first_seq, lines, bytes FROM update_log_head "
                    + "WHERE agent_id = ?", PostgresUpdateLog::head, agentId);
            if (heads.isEmpty()) {
                return LogEnd.NONE;
            }
            List<String> last = jdbc.queryForList("SELECT line FROM update_log WHERE agent_id = ? AND seq = ?",
                    String.class, agentId, heads.get(0).lastSeq());
            return new LogEnd(last.isEmpty() ? null : decode(agentId, last.get(0)), heads.get(0).bytes(), 0);
        });
    }

    @Override
    public void forEach(String agentId, Consumer<? super UpdateLogEntry> action) {
        forEachLine(agentId, line -> action.accept(decode(agentId, line)));
    }

    /** Every line's exact text in seq order (newline included), streamed with flat memory. */
    public void forEachLine(String agentId, Consumer<String> action) {
        db.inTransaction(jdbc -> {
            JdbcTemplate streaming = new JdbcTemplate(db.dataSource());
            streaming.setFetchSize(FETCH_SIZE);
            streaming.query("SELECT line FROM update_log WHERE agent_id = ? ORDER BY seq",
                    rs -> {
                        action.accept(rs.getString(1));
                    }, agentId);
            return null;
        });
    }

    /**
     * Reads every row of the log (each line decoded, so a damaged one fails here) and reports its shape, as the file
     * store reads the whole file. A head that disagrees with the rows (a row deleted or added behind the service's
     * back) makes the log not contiguous.
     */
    @Override
    public LogScan scan(String agentId) {
        Head head = head(agentId);
        if (head == null) {
            return LogScan.EMPTY;
        }
        LogScan.Tally tally = new LogScan.Tally();
        long[] bytes = { 0 };
        forEachLine(agentId, line -> {
            bytes[0] += line.getBytes(StandardCharsets.UTF_8).length;
            tally.add(decode(agentId, line), bytes[0]);
        });
        LogScan rows = tally.result(bytes[0]);
        boolean headAgrees = head.lines() == rows.entries() && head.lastSeq() == rows.lastSeq()
                && head.firstSeq() == rows.firstSeq();
        return new LogScan(rows.entries(), rows.firstSeq(), rows.lastSeq(), rows.contiguous() && headAgrees, 0,
                rows.goodLength(), rows.nonFiniteLines(), rows.firstNonFiniteSeq());
    }

    @Override
    public boolean repairTornTail(String agentId) {
        return false;
    }

    @Override
    public void writeAll(String agentId, Iterable<UpdateLogEntry> entries) {
        List<String> lines = new ArrayList<>();
        for (UpdateLogEntry entry : entries) {
            lines.add(new String(codec.encode(entry), StandardCharsets.UTF_8));
        }
        replaceLines(agentId, lines);
    }

    /**
     * Replaces the whole log with these exact lines (each with its newline), as a migration copies a log file. Lines
     * that fail their CRC are refused: the database keeps only lines it can serve.
     */
    public void replaceLines(String agentId, List<String> lines) {
        List<Object[]> rows = new ArrayList<>(lines.size());
        long bytes = 0;
        long first = 0;
        long last = 0;
        for (String line : lines) {
            long seq = decode(agentId, line).seq();
            first = rows.isEmpty() ? seq : first;
            last = seq;
            bytes += line.getBytes(StandardCharsets.UTF_8).length;
            rows.add(new Object[] { agentId, seq, line });
        }
        long size = bytes;
        long firstSeq = first;
        long lastSeq = last;
        db.inTransaction(jdbc -> {
            jdbc.update("DELETE FROM update_log WHERE agent_id = ?", agentId);
            jdbc.batchUpdate("INSERT INTO update_log (agent_id, seq, line) VALUES (?, ?, ?)", rows);
            jdbc.update("INSERT INTO update_log_head (agent_id, generation, last_seq, first_seq, lines, bytes) "
                    + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (agent_id) DO UPDATE SET generation = EXCLUDED.generation, "
                    + "last_seq = EXCLUDED.last_seq, first_seq = EXCLUDED.first_seq, lines = EXCLUDED.lines, "
                    + "bytes = EXCLUDED.bytes", agentId, newGeneration(), lastSeq, firstSeq, rows.size(), size);
            return null;
        });
    }

    /** The ids of every agent with a log. */
    public List<String> agentIds() {
        return db.read(jdbc -> jdbc.queryForList("SELECT agent_id FROM update_log_head ORDER BY agent_id",
                String.class));
    }

    @Override
    public boolean delete(String agentId) {
        return db.inTransaction(jdbc -> {
            jdbc.update("DELETE FROM update_log WHERE agent_id = ?", agentId);
            return jdbc.update("DELETE FROM update_log_head WHERE agent_id = ?", agentId) > 0;
        });
    }

    private @Nullable Head head(String agentId) {
        List<Head> heads = db.read(jdbc -> jdbc.query("SELECT generation, last_seq, first_seq, lines, bytes "
                + "FROM update_log_head WHERE agent_id = ?", PostgresUpdateLog::head, agentId));
        return heads.isEmpty() ? null : heads.get(0);
    }

    private static Head head(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Head(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5));
    }

    private UpdateLogEntry decode(String agentId, String line) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        int length = bytes.length > 0 && bytes[bytes.length - 1] == '\n' ? bytes.length - 1 : bytes.length;
        try {
            return codec.decode(bytes, 0, length);
        } catch (FileFormatException e) {
            throw AgentFileErrors.rowCorrupt(agentId, STORE, e);
        }
    }

    private static long newGeneration() {
        return ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
    }
}
