package io.govflow.engine;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/** Compares one engine result with one golden step: numbers to 1e-9, labels exactly. */
public final class GoldenStepCheck {

    static final double TOLERANCE = 1e-9;

    private final List<String> mismatches = new ArrayList<>();
    private double maxAbsError;

    public GoldenStepCheck(JsonNode expectedOutput, UpdateResult actual) {
        JsonNode metrics = expectedOutput.get("metrics");
        UpdateMetrics m = actual.metrics();
        label("status", expectedOutput.get("status").asString(), actual.status());
        label("decision.action", expectedOutput.get("decision").get("action").asString(), actual.decision().action());
        number("E", metrics, m.e());
        number("I", metrics, m.i());
        number("S", metrics, m.s());
        number("V", metrics, m.v());
        number("coherence", metrics, m.coherence());
        number("lambda1", metrics, m.lambda1());
        number("attention_score", metrics, m.attentionScore());
        number("phi", metrics, m.phi());
        label("verdict", metrics.get("verdict").asString(), m.verdict());
        label("void_active", metrics.get("void_active").asBoolean(), m.voidActive());
        number("time", metrics, m.time());
        label("updates", metrics.get("updates").asLong(), m.updates());
        number("confidence", metrics, m.confidence());
        label("lambda1_skipped", metrics.get("lambda1_skipped").asBoolean(), m.lambda1Skipped());
        // The reference reports the skip counter only once it exists; we always report it (0 before a skip).
        label("lambda1_update_skips", metrics.path("lambda1_update_skips").asLong(0), m.lambda1UpdateSkips());
        samplingParams(expectedOutput.get("sampling_params"), actual.samplingParams());
        number("raw_S", expectedOutput, actual.rawS());
    }

    boolean matches() {
        return mismatches.isEmpty();
    }

    public List<String> mismatches() {
        return mismatches;
    }

    public double maxAbsError() {
        return maxAbsError;
    }

    private void samplingParams(JsonNode expected, SamplingParams actual) {
        number("sampling_params.temperature", expected.get("temperature").doubleValue(), actual.temperature());
        number("sampling_params.top_p", expected.get("top_p").doubleValue(), actual.topP());
        label("sampling_params.max_tokens", expected.get("max_tokens").asLong(), (long) actual.maxTokens());
        number("sampling_params.lambda1", expected.get("lambda1").doubleValue(), actual.lambda1());
    }

    private void number(String field, JsonNode parent, double actual) {
        number(field, parent.get(field).doubleValue(), actual);
    }

    private void number(String field, double expected, double actual) {
        double error = Math.abs(expected - actual);
        maxAbsError = Math.max(maxAbsError, error);
        if (!(error <= TOLERANCE)) {
            mismatches.add(field + ": expected " + expected + " but was " + actual);
        }
    }

    private void label(String field, Object expected, Object actual) {
        if (!expected.equals(actual)) {
            mismatches.add(field + ": expected " + expected + " but was " + actual);
        }
    }
}
