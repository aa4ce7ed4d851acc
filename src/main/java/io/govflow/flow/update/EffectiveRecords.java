package io.govflow.flow.update;

import java.util.List;
import java.util.function.UnaryOperator;

import io.govflow.store.agent.AgentRecord;
import io.govflow.store.agent.UpdateLogStore;
import io.govflow.store.agent.UpdateLogEntry;
import org.springframework.stereotype.Component;

/**
 * A metadata record as the update log makes it (§5.2, §5.5): the record plus the committed lines its checkpoint
 * has not taken in yet (the group commit is due, a checkpoint failed, a crash), so that readers never see the lag
 * and decisions never act on a lagging status or on lagging recent-update lists.
 */
@Component
public class EffectiveRecords {

    private final UpdateLogStore updateLog;
    private final MetadataCheckpoints pending;

    EffectiveRecords(UpdateLogStore updateLog, MetadataCheckpoints pending) {
        this.updateLog = updateLog;
        this.pending = pending;
    }

    /** The record rolled forward to the log's last line. */
    public AgentRecord effective(AgentRecord record) {
        return effective(record, updateLog.lastSeq(record.agentId()));
    }

    /**
     * For fleet views (listings, counts): the record rolled forward over the lines this instance committed and has
     * not checkpointed yet; no log is read. Another instance's latest updates may show up to one flush late.
     */
    public AgentRecord forFleetView(AgentRecord record) {
        return pending.withPending(record);
    }

    /**
     * The record rolled forward to the log line {@code logSeq} (the caller's view of the log's end): from the lines
     * this instance holds for its next metadata checkpoint when they reach that far back, else from the log.
     */
    public AgentRecord effective(AgentRecord record, long logSeq) {
        AgentRecord carried = pending.carried(record, logSeq);
        return carried != null ? carried : MetadataChanges.rolledForward(record, linesAfter(record, logSeq));
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
        return pending.linesAfter(record, logSeq);
    }
}
