package io.govflow.flow.update;

import java.util.ArrayList;
import java.util.List;

import io.govflow.store.agent.AgentRecord;
import io.govflow.store.agent.AgentStatus;
import io.govflow.store.agent.LifecycleEvent;
import io.govflow.store.agent.UpdateLogEntry;
import org.jspecify.annotations.Nullable;

/** The metadata side of a committed update, and the lifecycle events around it. */
final class MetadataChanges {

    static final int RECENT = 10;

    private MetadataChanges() {
    }

    /** Per-update fields, all derived from the log line: last_update, total_updates, recent lists. */
    static AgentRecord applyCommitted(AgentRecord record, UpdateLogEntry entry, String now) {
        AgentRecord updated = record
                .withLastUpdate(entry.ts())
                .withTotalUpdates(entry.seq())
                .withRecentUpdateTimestamps(appendRecent(record.recentUpdateTimestamps(), entry.ts()))
                .withRecentDecisions(appendRecent(record.recentDecisions(), entry.decision()));
        if (record.loopCooldownUntil() != null && record.loopCooldownUntil().compareTo(now) <= 0) {
            updated = updated.withLoopCooldownUntil(null);
        }
        return updated;
    }

    /**
     * Applies the committed lines the record has not seen (seq above its {@code total_updates}), in order: the
     * per-update fields, and each line's {@code agent_status} that comes after the record's {@code status_seq}
     * (an operator change made later wins, §5.2) together with its lifecycle events, timed by the line.
     */
    static AgentRecord rolledForward(AgentRecord record, List<UpdateLogEntry> lines) {
        AgentRecord out = record;
        Long statusSeq = record.statusSeq();
        for (UpdateLogEntry line : lines) {
            if (line.seq() <= out.totalUpdates()) {
                continue;
            }
            out = applyCommitted(out, line, line.ts());
            if (line.agentStatus() != null && (statusSeq == null || line.seq() > statusSeq)) {
                out = statusFromLine(out, line.agentStatus(), line.ts());
            }
        }
        return out;
    }

    /** The status change an update made, with the events a live update records for it. */
    static AgentRecord statusFromLine(AgentRecord record, AgentStatus lineStatus, String ts) {
        AgentRecord out = record;
        if (out.status() == AgentStatus.ARCHIVED) {
            out = resumeFromArchive(out, ts);
        } else if (out.status() == AgentStatus.WAITING_INPUT) {
            out = resumeFromWaiting(out, ts);
        }
        if (lineStatus == AgentStatus.PAUSED) {
            out = pauseByDecision(out, ts);
        } else if (out.status() != lineStatus) {
            out = out.withStatus(lineStatus);
        }
        return out;
    }

    static AgentRecord resumeFromArchive(AgentRecord record, String now) {
        return record.withStatus(AgentStatus.ACTIVE).withArchivedAt(null)
                .withLifecycleEvent(LifecycleEvent.of("resumed", now, "Resumed by a new update"));
    }

    /** The reference left waiting_input in place after the next update; a new update means the agent works again. */
    static AgentRecord resumeFromWaiting(AgentRecord record, String now) {
        return record.withStatus(AgentStatus.ACTIVE).withResponseCompleted(false)
                .withLifecycleEvent(LifecycleEvent.of("resumed", now,
                        "Resumed by a new update after a completed response"));
    }

    static AgentRecord pauseByDecision(AgentRecord record, String now) {
        return record.withStatus(AgentStatus.PAUSED).withPausedAt(now)
                .withLifecycleEvent(LifecycleEvent.of("paused", now, "Paused by a governance decision"));
    }

    static AgentRecord loopDetected(AgentRecord record, String pattern, String now, String cooldownUntil) {
        return record.withLoopDetectedAt(now).withLoopCooldownUntil(cooldownUntil)
                .withLifecycleEvent(LifecycleEvent.of("loop_detected", now,
                        "Repetitive updates (" + pattern + "); cooldown until " + cooldownUntil));
    }

    private static List<String> appendRecent(@Nullable List<String> current, String value) {
        List<String> out = new ArrayList<>(current == null ? List.of() : current);
        out.add(value);
        return List.copyOf(out.subList(Math.max(0, out.size() - RECENT), out.size()));
    }
}
