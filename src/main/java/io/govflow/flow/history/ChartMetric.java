package io.govflow.flow.history;

import java.util.Optional;
import java.util.function.ToDoubleFunction;

import io.govflow.store.agent.UpdateLogEntry;

/** A value of an update-log line that a history chart can plot, under its query-parameter name. */
public enum ChartMetric {
    E("E", "E (energy)", UpdateLogEntry::E),
    I("I", "I (information integrity)", UpdateLogEntry::I),
    S("S", "S (entropy)", UpdateLogEntry::S),
    V("V", "V (void integral)", UpdateLogEntry::V),
    ATTENTION_SCORE("attention_score", "attention score", UpdateLogEntry::attentionScore),
    COHERENCE("coherence", "coherence", UpdateLogEntry::coherence),
    LAMBDA1("lambda1", "lambda1 (coupling)", UpdateLogEntry::lambda1);

    private final String wire;
    private final String label;
    private final ToDoubleFunction<UpdateLogEntry> value;

    ChartMetric(String wire, String label, ToDoubleFunction<UpdateLogEntry> value) {
        this.wire = wire;
        this.label = label;
        this.value = value;
    }

    /** The name in {@code metrics=} and in the series group id ({@code series-<wire>}). */
    public String wire() {
        return wire;
    }

    /** The legend entry. */
    public String label() {
        return label;
    }

    double valueOf(UpdateLogEntry entry) {
        return value.applyAsDouble(entry);
    }

    /** λ1 is a gain on its own scale; every other metric is a 0..1-ish score. */
    boolean ownAxis() {
        return this == LAMBDA1;
    }

    static Optional<ChartMetric> parse(String wire) {
        for (ChartMetric metric : values()) {
            if (metric.wire.equals(wire)) {
                return Optional.of(metric);
            }
        }
        return Optional.empty();
    }
}
