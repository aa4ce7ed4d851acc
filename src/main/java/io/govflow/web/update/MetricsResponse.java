package io.govflow.web.update;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.govflow.engine.EisvLabel;
import io.govflow.engine.EisvLabels;
import io.govflow.engine.MetricsSnapshot;
import io.govflow.engine.SamplingParams;
import io.govflow.flow.update.AgentMetrics;
import org.jspecify.annotations.Nullable;

/** {@code GET /api/v1/agents/{id}/metrics}. */
@JsonPropertyOrder({ "success", "agent_id", "state", "status", "sampling_params", "history_size", "current_risk",
        "mean_risk", "attention_score", "phi", "verdict", "void_frequency", "decision_counts", "eisv_labels" })
public record MetricsResponse(
        boolean success,
        String agentId,
        StateBody state,
        String status,
        SamplingParams samplingParams,
        int historySize,
        @Nullable Double currentRisk,
        double meanRisk,
        double attentionScore,
        double phi,
        String verdict,
        double voidFrequency,
        DecisionCounts decisionCounts,
        Map<String, EisvLabel> eisvLabels) {

    /** The engine state. */
    @JsonPropertyOrder({ "E", "I", "S", "V", "coherence", "lambda1", "void_active", "time", "update_count",
            "lambda1_update_skips" })
    public record StateBody(@JsonProperty("E") double e, @JsonProperty("I") double i, @JsonProperty("S") double s,
            @JsonProperty("V") double v, double coherence, double lambda1, boolean voidActive, double time,
            long updateCount, long lambda1UpdateSkips) {
    }

    /** How often each decision was taken within the state window. */
    public record DecisionCounts(long proceed, long pause) {
    }

    public static MetricsResponse of(AgentMetrics metrics) {
        MetricsSnapshot m = metrics.snapshot();
        return new MetricsResponse(true, metrics.agentId(),
                new StateBody(m.e(), m.i(), m.s(), m.v(), m.coherence(), m.lambda1(), m.voidActive(), m.time(),
                        m.updateCount(), m.lambda1UpdateSkips()),
                m.status(), m.samplingParams(), m.historySize(), m.currentRisk(), m.meanRisk(), m.attentionScore(),
                m.phi(), m.verdict(), m.voidFrequency(), new DecisionCounts(m.proceedCount(), m.pauseCount()),
                EisvLabels.ALL);
    }
}
