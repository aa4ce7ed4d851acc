package io.govflow.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import tools.jackson.databind.JsonNode;

/**
 * Test-only reader of a reference-format state file: E..V from {@code unitaires_state} (else top level), C1 and
 * eta1 from {@code unitaires_theta}, the history arrays ({@code risk_history} is the attention series), the PI
 * integral, time, update count and void flag. Missing values take the fresh defaults.
 */
final class ReferenceStateFile {

    private ReferenceStateFile() {
    }

    static GovernanceState load(JsonNode file, int window) {
        JsonNode eisv = file.has("unitaires_state") ? file.get("unitaires_state") : file;
        JsonNode theta = file.path("unitaires_theta");
        return GovernanceState.builder(window)
                .e(eisv.path("E").asDouble(GovernanceState.FRESH_E))
                .i(eisv.path("I").asDouble(GovernanceState.FRESH_I))
                .s(eisv.path("S").asDouble(GovernanceState.FRESH_S))
                .v(eisv.path("V").asDouble(GovernanceState.FRESH_V))
                .c1(theta.path("C1").asDouble(GovernanceState.FRESH_C1))
                .eta1(theta.path("eta1").asDouble(GovernanceState.FRESH_ETA1))
                .voidActive(file.path("void_active").asBoolean(false))
                .time(file.path("time").asDouble(0.0))
                .updateCount(file.path("update_count").asLong(0))
                .piIntegral(file.path("pi_integral").asDouble(0.0))
                .lambda1UpdateSkips(file.path("lambda1_update_skips").asLong(0))
                .eHistory(numbers(file, "E_history"))
                .iHistory(numbers(file, "I_history"))
                .sHistory(numbers(file, "S_history"))
                .vHistory(numbers(file, "V_history"))
                .coherenceHistory(numbers(file, "coherence_history"))
                .attentionHistory(numbers(file, "risk_history"))
                .lambda1History(numbers(file, "lambda1_history"))
                .decisionHistory(strings(file, "decision_history"))
                .timestampHistory(strings(file, "timestamp_history"))
                .build();
    }

    private static List<Double> numbers(JsonNode file, String field) {
        return list(file.path(field), JsonNode::doubleValue);
    }

    private static List<String> strings(JsonNode file, String field) {
        return list(file.path(field), JsonNode::asString);
    }

    private static <T> List<T> list(JsonNode array, Function<JsonNode, T> element) {
        List<T> values = new ArrayList<>();
        for (int index = 0; index < array.size(); index++) {
            values.add(element.apply(array.get(index)));
        }
        return values;
    }
}
