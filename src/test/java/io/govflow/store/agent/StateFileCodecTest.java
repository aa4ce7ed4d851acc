package io.govflow.store.agent;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.govflow.store.io.FileFormatException;
import io.govflow.store.io.StoreJson;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StateFileCodecTest {

    private final StoreJson json = new StoreJson();
    private final StateFileCodec codec = new StateFileCodec(json);

    @Test
    void writesTheDocumentedFieldOrderAndLayoutByteForByte() {
        Map<String, JsonNode> unknown = new LinkedHashMap<>();
        unknown.put("regime", json.mapper().getNodeFactory().stringNode("EXPLORATION"));
        unknown.put("regime_history", json.array().add("EXPLORATION"));
        StateFile state = new StateFile(0.702, 0.809, 0.1815, -0.0030000000000000027, 0.6489500031499886, 0.125,
                false, 0.1, 1, 1.0, 0.3, List.of(0.702), List.of(0.809), List.of(0.1815),
                List.of(-0.0030000000000000027), List.of(0.6489500031499886), List.of(0.39733708296404935),
                List.of(0.125), List.of("proceed"), List.of("2025-12-01T15:12:45.585896"), 0.0, 0, unknown);

        String text = new String(codec.format(state), StandardCharsets.UTF_8);

        assertThat(text).isEqualTo("""
                {
                  "E": 0.702,
                  "I": 0.809,
                  "S": 0.1815,
                  "V": -0.0030000000000000027,
                  "coherence": 0.6489500031499886,
                  "lambda1": 0.125,
                  "void_active": false,
                  "time": 0.1,
                  "update_count": 1,
                  "unitaires_state": {
                    "E": 0.702,
                    "I": 0.809,
                    "S": 0.1815,
                    "V": -0.0030000000000000027
                  },
                  "unitaires_theta": {
                    "C1": 1.0,
                    "eta1": 0.3
                  },
                  "E_history": [
                    0.702
                  ],
                  "I_history": [
                    0.809
                  ],
                  "S_history": [
                    0.1815
                  ],
                  "V_history": [
                    -0.0030000000000000027
                  ],
                  "coherence_history": [
                    0.6489500031499886
                  ],
                  "risk_history": [
                    0.39733708296404935
                  ],
                  "lambda1_history": [
                    0.125
                  ],
                  "decision_history": [
                    "proceed"
                  ],
                  "timestamp_history": [
                    "2025-12-01T15:12:45.585896"
                  ],
                  "pi_integral": 0.0,
                  "lambda1_update_skips": 0,
                  "regime": "EXPLORATION",
                  "regime_history": [
                    "EXPLORATION"
                  ]
                }
                """);
        assertThat(codec.parse(codec.format(state))).isEqualTo(state);
    }

    @Test
    void anInitialStateHasEmptyArrays() {
        String text = new String(codec.format(StateFile.initial()), StandardCharsets.UTF_8);

        assertThat(text).contains("  \"E_history\": [],\n").contains("  \"timestamp_history\": [],\n")
                .contains("  \"update_count\": 0,\n");
    }

    @Test
    void readsTheOlderShapesOfTheReference() {
        StateFile state = codec.parse(bytes("""
                {"E": 0.71, "I": 0.83, "S": 0.13, "V": -0.01, "coherence": 0.64, "lambda1": 0.09,
                 "void_active": false, "time": 0.4, "update_count": 4,
                 "attention_history": [0.4, 0.39], "decision_history": ["revise"],
                 "timestamp_history": ["2025-11-24T20:46:02.25"]}
                """));

        assertThat(state.E()).isEqualTo(0.71);
        assertThat(state.V()).isEqualTo(-0.01);
        assertThat(state.C1()).isEqualTo(1.0);
        assertThat(state.eta1()).isEqualTo(0.3);
        assertThat(state.riskHistory()).containsExactly(0.4, 0.39);
        assertThat(state.attentionHistory()).isSameAs(state.riskHistory());
        assertThat(state.lambda1History()).isEmpty();
        assertThat(state.EHistory()).isEmpty();
        assertThat(state.piIntegral()).isZero();
        assertThat(state.lambda1UpdateSkips()).isZero();
        assertThat(state.timestampHistory()).containsExactly("2025-11-24T20:46:02.25");
        assertThat(state.unknownFields()).isEmpty();
    }

    @Test
    void unitairesStateWinsOverTheTopLevelCopy() {
        StateFile state = codec.parse(bytes("""
                {"E": 0.1, "I": 0.2, "S": 0.3, "V": 0.4, "update_count": 2,
                 "unitaires_state": {"E": 0.5, "I": 0.6, "S": 0.7},
                 "unitaires_theta": {"C1": 1.5, "eta1": 0.5}, "lambda1_update_skips": 3}
                """));

        assertThat(List.of(state.E(), state.I(), state.S(), state.V())).containsExactly(0.5, 0.6, 0.7, 0.4);
        assertThat(state.C1()).isEqualTo(1.5);
        assertThat(state.eta1()).isEqualTo(0.5);
        assertThat(state.lambda1UpdateSkips()).isEqualTo(3);
    }

    @Test
    void anEmptyObjectIsAFreshState() {
        assertThat(codec.parse(bytes("{}"))).isEqualTo(StateFile.initial());
    }

    @Test
    void wrongTypesAndBrokenJsonAreFormatErrors() {
        for (String bad : List.of("", "{", "[]", "{\"E\": \"high\"}", "{\"update_count\": 1.5}",
                "{\"E_history\": [0.1, \"x\"]}", "{\"unitaires_state\": 3}", "{\"update_count\": -1}",
                "{\"E\": 0.1} {}")) {
            assertThatThrownBy(() -> codec.parse(bytes(bad))).as(bad).isInstanceOf(FileFormatException.class);
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
