package io.govflow.flow.update;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.govflow.store.agent.AgentRecord;
import io.govflow.store.agent.AgentStatus;
import io.govflow.store.agent.UpdateLogEntry;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** §5.2: the effective status is the agent_status of the last line after status_seq, else the record's. */
class StatusPrecedenceTest {

    private static final String CREATED = "2025-12-01T09:00:00.000000";

    @Test
    void aLineAfterTheOperatorsChangeWins() {
        AgentRecord archived = AgentRecord.newAgent("a", CREATED, null).withStatus(AgentStatus.ARCHIVED)
                .withStatusSeq(0);

        AgentRecord rolled = MetadataChanges.rolledForward(archived,
                List.of(line(1, AgentStatus.ACTIVE), line(2, null), line(3, AgentStatus.PAUSED)));

        assertThat(rolled.status()).isEqualTo(AgentStatus.PAUSED);
        assertThat(rolled.totalUpdates()).isEqualTo(3);
        assertThat(rolled.recentUpdateTimestamps()).hasSize(3);
        assertThat(rolled.lifecycleEvents()).extracting(e -> e.event())
                .containsExactly("created", "resumed", "paused");
        assertThat(rolled.pausedAt()).isEqualTo(line(3, null).ts());
    }

    @Test
    void anOperatorsChangeMadeAfterALineWinsOverIt() {
        // paused by line 2, then resumed by an operator when the log ended at 2, before the checkpoint caught up
        AgentRecord resumed = AgentRecord.newAgent("a", CREATED, null).withTotalUpdates(1).withStatusSeq(2);

        AgentRecord rolled = MetadataChanges.rolledForward(resumed, List.of(line(2, AgentStatus.PAUSED)));

        assertThat(rolled.status()).isEqualTo(AgentStatus.ACTIVE);
        assertThat(rolled.totalUpdates()).isEqualTo(2);
    }

    @Test
    void linesTheRecordAlreadyTookInChangeNothing() {
        AgentRecord record = AgentRecord.newAgent("a", CREATED, null).withTotalUpdates(5);

        assertThat(MetadataChanges.rolledForward(record, List.of(line(5, AgentStatus.PAUSED)))).isEqualTo(record);
    }

    private static UpdateLogEntry line(long seq, @Nullable AgentStatus agentStatus) {
        return new UpdateLogEntry(seq, "2025-12-01T10:00:0" + seq + ".000000", 0.7, 0.8, 0.2, 0.0, 0.6, 0.4,
                "proceed", 0.1, 0.1, 0.2, "safe", false, "healthy", 1.0, 0.5, 0.3, 1.0, 0.0, 0.1 * seq, 0,
                agentStatus, null, null, null);
    }
}
