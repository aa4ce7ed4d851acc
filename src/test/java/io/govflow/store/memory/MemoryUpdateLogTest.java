package io.govflow.store.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import io.govflow.store.agent.UpdateLogEntry;
import io.govflow.store.agent.UpdateLogStore;
import io.govflow.store.export.GeneratedLogs;
import io.govflow.store.io.FileStamp;
import io.govflow.store.io.StoreJson;
import org.junit.jupiter.api.Test;

class MemoryUpdateLogTest {

    private final UpdateLogStore log = new MemoryUpdateLog(new StoreJson());

    @Test
    void appendsInOrderAndReportsWhereTheLogEnds() {
        assertThat(log.stamp("a_agent")).isNull();
        long end = 0;
        for (long seq = 1; seq <= 3; seq++) {
            end = log.append("a_agent", GeneratedLogs.entry(seq));
        }
        FileStamp stamp = log.stamp("a_agent");
        assertThat(stamp).isNotNull();
        assertThat(stamp.size()).isEqualTo(end);
        assertThat(log.lastSeq("a_agent")).isEqualTo(3);
        assertThat(log.readTail("a_agent", 2)).extracting(UpdateLogEntry::seq).containsExactly(2L, 3L);
        assertThat(log.scan("a_agent").contiguous()).isTrue();
        assertThat(log.end("a_agent").goodLength()).isEqualTo(end);
        assertThatThrownBy(() -> log.append("a_agent", GeneratedLogs.entry(5)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aReplacedLogHasAnotherIdentity() {
        log.append("b_agent", GeneratedLogs.entry(1));
        FileStamp before = log.stamp("b_agent");
        log.writeAll("b_agent", List.of(GeneratedLogs.entry(1)));
        assertThat(log.stamp("b_agent").fileKey()).isNotSameAs(before.fileKey());
        assertThat(log.stamp("b_agent").size()).isEqualTo(before.size());
    }
}
