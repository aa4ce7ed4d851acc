package io.govflow.web.update;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.govflow.engine.Decision;
import io.govflow.engine.EisvLabel;
import io.govflow.engine.EisvLabels;
import io.govflow.engine.SamplingParams;
import io.govflow.flow.update.UpdateOutcome;
import org.jspecify.annotations.Nullable;

/** The answer to an update or a simulation. */
@JsonPropertyOrder({ "success", "simulation", "status", "decision", "metrics", "sampling_params",
        "sampling_params_note", "eisv_labels", "timestamp", "significance" })
public record UpdateResponse(
        boolean success,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Boolean simulation,
        String status,
        Decision decision,
        MetricsBody metrics,
        SamplingParams samplingParams,
        String samplingParamsNote,
        Map<String, EisvLabel> eisvLabels,
        String timestamp,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable SignificanceBody significance) {

    static UpdateResponse of(UpdateOutcome outcome) {
        return new UpdateResponse(true, outcome.simulation() ? Boolean.TRUE : null, outcome.status(),
                outcome.decision(), MetricsBody.of(outcome.metrics()), outcome.samplingParams(),
                outcome.samplingParams().note(), EisvLabels.ALL, outcome.timestamp(),
                SignificanceBody.of(outcome.significance()));
    }
}
