package io.govflow.flow.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.govflow.store.agent.StateFile;
import io.govflow.store.agent.StateFileCodec;
import io.govflow.store.agent.UpdateLogEntry;
import io.govflow.store.io.StoreJson;
import io.govflow.support.TestFiles;
import org.junit.jupiter.api.Test;

/** Update logs rebuilt from reference state files: seqs end at update_count and the arrays come back unchanged. */
class LogSynthesisTest {

    private final StateFileCodec codec = new StateFileCodec(new StoreJson());

    @Test
    void aTrimmedWindowBecomesTheLastThousandSeqs() throws Exception {
        StateFile file = fixture("reference-generated", "agents/reference_agent_4_1200_state.json");
        List<UpdateLogEntry> entries = LogSynthesis.entries(file, 1000);

        assertThat(entries).hasSize(1000);
        assertThat(entries.get(0).seq()).isEqualTo(201);
        UpdateLogEntry last = entries.get(999);
        assertThat(last.seq()).isEqualTo(1200);
        assertThat(entries.stream().map(UpdateLogEntry::E).toList()).isEqualTo(file.EHistory());
        assertThat(entries.stream().map(UpdateLogEntry::V).toList()).isEqualTo(file.VHistory());
        assertThat(entries.stream().map(UpdateLogEntry::attentionScore).toList()).isEqualTo(file.riskHistory());
        assertThat(entries.stream().map(UpdateLogEntry::lambda1).toList()).isEqualTo(file.lambda1History());
        assertThat(entries.stream().map(UpdateLogEntry::decision).toList()).isEqualTo(file.decisionHistory());
        assertThat(entries.stream().map(UpdateLogEntry::ts).toList()).isEqualTo(file.timestampHistory());
        for (int k = 0; k < 999; k++) {
            assertThat(entries.get(k).lambda1After()).isEqualTo(entries.get(k + 1).lambda1());
            assertThat(entries.get(k).seq() + 1).isEqualTo(entries.get(k + 1).seq());
        }
        assertThat(last.time()).isCloseTo(file.time(), within(1e-12));
        assertThat(last.eta1()).isEqualTo(file.eta1());
        assertThat(last.C1()).isEqualTo(file.C1());
        assertThat(last.piIntegral()).isEqualTo(file.piIntegral());
        assertThat(last.voidActive()).isEqualTo(file.voidActive());
        assertThat(entries.get(199).time()).isCloseTo(file.time() * 400 / 1200, within(1e-12));
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.idempotencyKey()).isNull();
            assertThat(e.verdict()).isIn("safe", "caution", "high-risk");
        });
    }

    @Test
    void aLegacyFileWithoutLambdaHistoryUsesTheStatesLambda() throws Exception {
        StateFile file = fixture("reference-data", "test_persistent_cli_state.json");
        List<UpdateLogEntry> entries = LogSynthesis.entries(file, 1000);
        assertThat(entries).extracting(UpdateLogEntry::seq).containsExactly(1L, 2L, 3L, 4L);
        assertThat(entries).allSatisfy(e -> assertThat(e.lambda1()).isEqualTo(0.125));
        assertThat(entries.get(3).lambda1After()).isEqualTo(0.125);
    }

    @Test
    void onlyUpdatesWithEveryValueAreRetained() {
        StateFile initial = StateFile.initial();
        assertThat(LogSynthesis.entries(initial, 1000)).isEmpty();
        StateFile uneven = new StateFile(0.7, 0.8, 0.2, 0.0, 1.0, 0.125, false, 0.3, 3, 1.0, 0.3,
                List.of(0.70, 0.71, 0.72), List.of(0.80, 0.81, 0.82), List.of(0.2, 0.2, 0.2), List.of(0.0, 0.0, 0.0),
                List.of(1.0, 1.0, 1.0), List.of(0.4, 0.4), List.of(), List.of("proceed", "proceed", "proceed"),
                List.of("2025-01-01T00:00:01", "2025-01-01T00:00:02", "2025-01-01T00:00:03"), 0.0, 0, Map.of());
        List<UpdateLogEntry> entries = LogSynthesis.entries(uneven, 1000);
        assertThat(entries).extracting(UpdateLogEntry::seq).containsExactly(2L, 3L);
        assertThat(entries.get(0).E()).isEqualTo(0.71);
        assertThat(entries.get(0).ts()).isEqualTo("2025-01-01T00:00:02");
    }

    private StateFile fixture(String name, String file) throws Exception {
        Path source = TestFiles.fixturesDir().resolve(name).resolve(file);
        return codec.parse(Files.readAllBytes(source));
    }
}
