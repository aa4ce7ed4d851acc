package io.govflow.flow.update;

import java.util.List;
import java.util.function.UnaryOperator;

import io.govflow.config.GovflowProperties;
import io.govflow.store.agent.AgentRecord;
import io.govflow.store.agent.UpdateLog;
import io.govflow.store.agent.UpdateLogEntry;
import org.springframework.stereotype.Component;

/**
 * A metadata record as the update log makes it (§5.2): the record plus the committed lines its checkpoint has
 * not taken in yet (a crash or a failed checkpoint after a commit), so that decisions never act on a lagging
 * status or on lagging recent-update lists.
 */
@Component
public class EffectiveRecords {

    private final UpdateLog updateLog;
    private final int window;
    private final LaggingCheckpoints lagging;

    EffectiveRecords(UpdateLog updateLog, GovflowProperties properties, LaggingCheckpoints lagging) {
        this.updateLog = updateLog;
        this.lagging = lagging;
        this.window = properties.history().window();
    }

    /** The record rolled forward to the log's last line. */
    public AgentRecord effective(AgentRecord record) {
        return effective(record, updateLog.lastSeq(record.agentId()));
    }

    /**
     * For fleet views (listings, counts): the effective record of an agent this instance knows to lag, else the
     * record as it is, so a listing reads no log of an agent whose checkpoint is current.
     */
    public AgentRecord forFleetView(AgentRecord record) {
        return lagging.isBehind(record.agentId()) ? effective(record) : record;
    }

    /** The record rolled forward to the log line {@code logSeq} (the caller's view of the log's end). */
    public AgentRecord effective(AgentRecord record, long logSeq) {
        return MetadataChanges.rolledForward(record, linesAfter(record, logSeq));
    }

    /**
     * An operator's change (archive, resume, delete, response complete, dialectic pause; under the agent lock, the
     * log ending at {@code logSeq}) applied to the effective record. A status it changes is stamped with
     * {@code status_seq = logSeq}, so a later update's {@code agent_status} wins over it and an earlier one never
     * does.
     */
    public AgentRecord operatorChange(AgentRecord stored, long logSeq, UnaryOperator<AgentRecord> change) {
        AgentRecord before = effective(stored, logSeq);
        AgentRecord after = change.apply(before);
        return after.status().equals(before.status()) ? after : after.withStatusSeq(logSeq);
    }

    /** The log's last seq: what an operator status change records as {@code status_seq}. */
    public long lastSeq(String agentId) {
        return updateLog.lastSeq(agentId);
    }

    /** Committed lines after the record's count, up to {@code logSeq}; at most one history window of them. */
    List<UpdateLogEntry> linesAfter(AgentRecord record, long logSeq) {
        long behind = logSeq - record.totalUpdates();
        if (behind <= 0) {
            return List.of();
        }
        List<UpdateLogEntry> tail = updateLog.readTail(record.agentId(), (int) Math.min(behind, window));
        return tail.stream().filter(line -> line.seq() > record.totalUpdates() && line.seq() <= logSeq).toList();
    }
}
