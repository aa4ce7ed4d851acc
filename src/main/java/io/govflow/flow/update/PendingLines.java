package io.govflow.flow.update;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

import io.govflow.store.agent.UpdateLogEntry;

/**
 * Committed lines of one agent that its metadata checkpoint has not taken in yet, kept compact: the last
 * {@link MetadataChanges#RECENT} lines (which make the recent-update lists) and every line that changed the status
 * (which make status and lifecycle events). Together with a record at {@code firstSeq - 1} or later they give the
 * effective record at {@code lastSeq}. Immutable.
 *
 * @param firstSeq   the first seq known without a gap (a line appended by another instance breaks the run)
 * @param sinceNanos when the oldest line still held was committed ({@link System#nanoTime()})
 */
record PendingLines(long firstSeq, long lastSeq, List<UpdateLogEntry> statusLines, List<UpdateLogEntry> recent,
        long sinceNanos) {

    static PendingLines of(UpdateLogEntry line, long nowNanos) {
        return new PendingLines(line.seq(), line.seq(), line.agentStatus() == null ? List.of() : List.of(line),
                List.of(line), nowNanos);
    }

    PendingLines plus(UpdateLogEntry line) {
        if (line.seq() <= lastSeq) {
            return this;
        }
        long first = line.seq() == lastSeq + 1 ? firstSeq : line.seq();
        List<UpdateLogEntry> status = statusLines;
        if (line.agentStatus() != null) {
            status = new ArrayList<>(statusLines);
            status.add(line);
        }
        List<UpdateLogEntry> last = new ArrayList<>(recent.subList(
                Math.max(0, recent.size() - MetadataChanges.RECENT + 1), recent.size()));
        last.add(line);
        return new PendingLines(first, line.seq(), List.copyOf(status), List.copyOf(last), sinceNanos);
    }

    /** The lines after {@code seq}, or null when none is left (a checkpoint took them in). */
    @Nullable PendingLines after(long seq, long nowNanos) {
        if (seq >= lastSeq) {
            return null;
        }
        List<UpdateLogEntry> status = statusLines.stream().filter(line -> line.seq() > seq).toList();
        List<UpdateLogEntry> last = recent.stream().filter(line -> line.seq() > seq).toList();
        return new PendingLines(Math.max(firstSeq, seq + 1), lastSeq, status, last, nowNanos);
    }

    /** True when these lines carry a record at {@code totalUpdates} forward to {@code seq}. */
    boolean carries(long totalUpdates, long seq) {
        return lastSeq == seq && firstSeq <= totalUpdates + 1;
    }

    /** Every line held, in log order. */
    List<UpdateLogEntry> lines() {
        TreeMap<Long, UpdateLogEntry> bySeq = new TreeMap<>();
        statusLines.forEach(line -> bySeq.put(line.seq(), line));
        recent.forEach(line -> bySeq.put(line.seq(), line));
        return List.copyOf(bySeq.values());
    }
}
