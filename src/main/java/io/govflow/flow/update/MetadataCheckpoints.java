package io.govflow.flow.update;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import io.govflow.config.GovflowProperties;
import io.govflow.error.GovflowException;
import io.govflow.store.agent.AgentRecord;
import io.govflow.store.agent.UpdateLogStore;
import io.govflow.store.agent.MetadataStore;
import io.govflow.store.agent.UpdateLogEntry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The metadata side of committed updates (§5.3): the per-update fields and update-caused status changes this
 * instance has committed but not yet written to {@code agent_metadata.json}. A group commit writes them all at once,
 * under the metadata lock, onto the file as it is then (another instance's changes stay), the higher
 * {@code total_updates} winning; it never takes an agent lock. Until then readers roll records forward over these
 * lines, so nobody sees the lag.
 */
@Component
public class MetadataCheckpoints {

    private static final Logger LOG = LoggerFactory.getLogger(MetadataCheckpoints.class);

    private final MetadataStore metadata;
    private final UpdateLogStore updateLog;
    private final int window;
    private final ConcurrentHashMap<String, PendingLines> pending = new ConcurrentHashMap<>();
    private final ReentrantLock flushing = new ReentrantLock();
    private final Counter failures;

    MetadataCheckpoints(MetadataStore metadata, UpdateLogStore updateLog, GovflowProperties properties,
            ObjectProvider<MeterRegistry> meterRegistry) {
        MeterRegistry meters = MeterRegistries.orDetached(meterRegistry);
        this.metadata = metadata;
        this.updateLog = updateLog;
        this.window = properties.history().window();
        this.failures = Counter.builder("govflow.checkpoint.failures").tag("file", "metadata")
                .description("Metadata group commits that failed (retried by the checkpointer)").register(meters);
        Gauge.builder("govflow.checkpoint.pending", pending, Map::size).tag("file", "metadata")
                .description("Agents whose metadata checkpoint is behind their update log").register(meters);
    }

    /** A line this instance committed (or learnt from the log), under the agent's lock. */
    void committed(String agentId, UpdateLogEntry line) {
        long now = System.nanoTime();
        pending.merge(agentId, PendingLines.of(line, now), (held, fresh) -> held.plus(line));
    }

    /**
     * The effective record at log seq {@code seq} from {@code stored} and the lines held here, or null when these
     * lines do not carry the record that far (the caller reads the log instead).
     */
    @Nullable AgentRecord carried(AgentRecord stored, long seq) {
        if (stored.totalUpdates() >= seq) {
            return stored;
        }
        PendingLines lines = pending.get(stored.agentId());
        return lines != null && lines.carries(stored.totalUpdates(), seq)
                ? MetadataChanges.rolledForward(stored, lines.lines()) : null;
    }

    /**
     * The record rolled forward to {@code lines.lastSeq()}: over the lines held when they reach back to it, else
     * (the file was replaced by an older copy, another instance appended in between) over the log itself.
     */
    private AgentRecord rolledForward(AgentRecord record, PendingLines lines) {
        List<UpdateLogEntry> over = lines.carries(record.totalUpdates(), lines.lastSeq()) ? lines.lines()
                : linesAfter(record, lines.lastSeq());
        return MetadataChanges.rolledForward(record, over);
    }

    /** Committed lines after the record's count, up to {@code logSeq}, read from the log; at most one window. */
    List<UpdateLogEntry> linesAfter(AgentRecord record, long logSeq) {
        long behind = logSeq - record.totalUpdates();
        if (behind <= 0) {
            return List.of();
        }
        List<UpdateLogEntry> tail = updateLog.readTail(record.agentId(), (int) Math.min(behind, window));
        return tail.stream().filter(line -> line.seq() > record.totalUpdates() && line.seq() <= logSeq).toList();
    }

    /** For fleet views: the record rolled forward over whatever this instance holds for it. */
    public AgentRecord withPending(AgentRecord record) {
        PendingLines lines = pending.get(record.agentId());
        return lines == null ? record : MetadataChanges.rolledForward(record, lines.lines());
    }

    /**
     * Lines this instance committed beyond the log's end mean the log lost them (replaced by an older copy):
     * {@code STATE_CORRUPT}, never a second line with the same seq.
     */
    void requireLogNotBehindHeldLines(String agentId, long logSeq) {
        PendingLines lines = pending.get(agentId);
        if (lines != null && lines.lastSeq() > logSeq) {
            throw LogBehind.corrupt(agentId, lines.lastSeq(), logSeq);
        }
    }

    /**
     * Drops the lines held for a purged agent, after any group commit under way has ended, so that no batch taken
     * before the purge can later apply them to a record registered afresh under the same id.
     */
    void forget(String agentId) {
        flushing.lock();
        try {
            pending.remove(agentId);
        } finally {
            flushing.unlock();
        }
    }

    public boolean isPending(String agentId) {
        return pending.containsKey(agentId);
    }

    /** When the oldest line not yet written was committed ({@link System#nanoTime()}), or null when none is held. */
    @Nullable Long oldestNanos() {
        return Oldest.of(pending.values(), PendingLines::sinceNanos);
    }

    /**
     * One group commit of everything held now; lines committed meanwhile wait for the next one. A failure (a busy
     * lock, a full disk) keeps the lines for the next try.
     *
     * @return whether everything held at the start was written
     */
    public boolean flush() {
        flushing.lock();
        try {
            Map<String, PendingLines> batch = new HashMap<>(pending);
            if (batch.isEmpty()) {
                return true;
            }
            Map<String, UnaryOperator<AgentRecord>> changes = new HashMap<>();
            batch.forEach((id, lines) -> changes.put(id, r -> rolledForward(r, lines)));
            Map<String, AgentRecord> written = metadata.updateEach(changes);
            long now = System.nanoTime();
            batch.forEach((id, lines) -> {
                AgentRecord after = written.get(id);
                // a record gone from the file (purged) takes nothing more; otherwise drop what it now holds
                long upTo = after == null ? lines.lastSeq() : after.totalUpdates();
                pending.computeIfPresent(id, (k, held) -> held.after(upTo, now));
            });
            return true;
        } catch (GovflowException e) {
            failures.increment();
            LOG.warn("metadata checkpoint deferred ({}): {} agent(s) wait for the next group commit", e.code(),
                    pending.size());
            return false;
        } finally {
            flushing.unlock();
        }
    }
}
