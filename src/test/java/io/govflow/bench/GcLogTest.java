package io.govflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Heap figures come from collections only, and only from the part of the log written after a mark. */
class GcLogTest {

    @TempDir
    Path dir;

    @Test
    void readsCollectionsAfterTheMarkAndIgnoresConcurrentCyclePauses() throws Exception {
        Path log = dir.resolve("gc.log");
        Files.writeString(log, "[0.2s][info][gc] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 40M->30M(64M) 3ms\n");
        long mark = GcLog.size(log);
        Files.writeString(log, """
                [1.0s][info][gc] GC(1) Pause Young (Normal) (G1 Evacuation Pause) 53M->24M(64M) 1.0ms
                [1.1s][info][gc] GC(2) Pause Remark 52M->52M(64M) 5.0ms
                [1.2s][info][gc] GC(3) Pause Young (Concurrent Start) (G1 Evacuation Pause) 50M->26M(62M) 1.4ms
                [1.3s][info][gc] GC(2) Pause Cleanup 33M->33M(64M) 0.04ms
                """, java.nio.file.StandardOpenOption.APPEND);

        GcLog.Heap heap = GcLog.since(log, mark);

        assertThat(heap.collections()).isEqualTo(2);
        assertThat(heap.maxBeforeMb()).isEqualTo(53);
        assertThat(heap.maxAfterMb()).isEqualTo(26);
        assertThat(heap.capacityMb()).isEqualTo(64);
        assertThat(GcLog.since(log, 0).maxAfterMb()).isEqualTo(30);
    }
}
