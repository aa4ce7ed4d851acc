package io.govflow.flow.update;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import io.govflow.engine.ConformanceVectors;
import io.govflow.engine.GovernanceEngine;
import io.govflow.engine.GovernanceState;
import io.govflow.engine.GoldenStepCheck;
import io.govflow.engine.Thresholds;
import io.govflow.engine.UpdateResult;
import io.govflow.store.agent.StateFileCodec;
import io.govflow.store.io.StoreJson;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The edge sequences start from a reference-format state file. Here that file goes through the real
 * state-file reader and the same mapping the update flow uses, as migration would load it.
 */
class EdgeSequencesThroughStateFileTest {

    private final StoreJson json = new StoreJson();
    private final StateFileCodec codec = new StateFileCodec(json);
    private final GovernanceEngine engine = new GovernanceEngine();

    @Test
    void edgeSequencesFromTheirStateFilesMatchTheReference() {
        JsonNode sequences = ConformanceVectors.load("dynamics-golden-edge").get("sequences");
        int compared = 0;
        for (JsonNode sequence : sequences.values()) {
            byte[] file = json.mapper().writeValueAsBytes(sequence.get("initial_state_file"));
            GovernanceState state = StateMapping.fromStateFile(codec.parse(file), 1000);
            JsonNode steps = sequence.get("steps");
            for (int n = 0; n < steps.size(); n++) {
                UpdateResult result = engine.process(state, ConformanceVectors.input(steps.get(n)),
                        Thresholds.DEFAULTS, Instant.parse("2025-12-01T10:00:00Z").plusSeconds(n).toString());
                assertThat(new GoldenStepCheck(steps.get(n).get("output"), result).mismatches())
                        .as("%s step %d", sequence.get("agent_id").asString(), n + 1).isEmpty();
                compared++;
            }
        }
        assertThat(compared).isEqualTo(152);
    }
}
