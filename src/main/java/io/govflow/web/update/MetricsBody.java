package io.govflow.web.update;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.govflow.engine.UpdateMetrics;

/** Governance metrics after an update. */
@JsonPropertyOrder({ "E", "I", "S", "V", "coherence", "lambda1", "attention_score", "phi", "verdict", "void_active",
        "time", "updates", "confidence", "lambda1_skipped", "lambda1_update_skips", "health_status",
        "health_message" })
public record MetricsBody(
        @JsonProperty("E") double e,
        @JsonProperty("I") double i,
        @JsonProperty("S") double s,
        @JsonProperty("V") double v,
        double coherence,
        double lambda1,
        double attentionScore,
        double phi,
        String verdict,
        boolean voidActive,
        double time,
        long updates,
        double confidence,
        boolean lambda1Skipped,
        long lambda1UpdateSkips,
        String healthStatus,
        String healthMessage) {

    static MetricsBody of(UpdateMetrics m) {
        return new MetricsBody(m.e(), m.i(), m.s(), m.v(), m.coherence(), m.lambda1(), m.attentionScore(), m.phi(),
                m.verdict(), m.voidActive(), m.time(), m.updates(), m.confidence(), m.lambda1Skipped(),
                m.lambda1UpdateSkips(), m.healthStatus(), m.healthMessage());
    }
}
