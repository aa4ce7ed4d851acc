package io.govflow.web.history;

import static io.govflow.error.ErrorCode.AGENT_NOT_FOUND;
import static io.govflow.error.ErrorCode.INVALID_AGENT_ID;
import static io.govflow.error.ErrorCode.STATE_CORRUPT;
import static io.govflow.error.ErrorCode.STORAGE_ERROR;
import static io.govflow.error.ErrorCode.VALIDATION_FAILED;

import io.govflow.flow.history.ChartQuery;
import io.govflow.flow.history.HistoryChartFlow;
import io.govflow.web.auth.Access;
import io.govflow.web.config.ApiErrors;
import io.govflow.web.config.ApiTags;
import io.govflow.web.limit.Quota;
import io.govflow.web.limit.RateLimited;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The agent's history as a chart. */
@RestController
@Tag(name = ApiTags.EXPORTS)
public class HistoryChartController {

    static final MediaType SVG = MediaType.parseMediaType("image/svg+xml;charset=UTF-8");

    private final HistoryChartFlow charts;

    public HistoryChartController(HistoryChartFlow charts) {
        this.charts = charts;
    }

    @GetMapping("/api/v1/agents/{id}/history.svg")
    @Access(Access.Level.ANY_CREDENTIAL)
    @RateLimited(Quota.CHARTS)
    @Operation(operationId = "getHistoryChart", summary = "The agent's recent history as an SVG chart",
            description = "The last `last` updates of the update log (only those lines are read) as a standalone "
                    + "SVG: title with the agent id, update seq on the X axis, the scores on the left axis and "
                    + "lambda1 on its own, a legend, the approve/revise thresholds in force as lines when "
                    + "attention_score is drawn (coherence_critical with coherence), pause decisions marked. One "
                    + "point per update up to 2000 per series, above that the minimum and maximum of each of 1000 "
                    + "buckets. The points of metric m are the children of the group `g#series-m` (one element "
                    + "per point), the pause marks those of `g#pauses`. An agent without updates gets a chart "
                    + "saying so.",
            responses = @ApiResponse(responseCode = "200", description = "The chart", content = @Content(
                    mediaType = "image/svg+xml", schema = @Schema(type = "string", format = "binary"))))
    @ApiErrors({ VALIDATION_FAILED, INVALID_AGENT_ID, AGENT_NOT_FOUND, STATE_CORRUPT, STORAGE_ERROR })
    public ResponseEntity<String> historyChart(@PathVariable String id,
            @Parameter(description = "Comma-separated, each at most once, of E, I, S, V, attention_score, "
                    + "coherence, lambda1; default E,I,S,V") @RequestParam(required = false)
            @Size(max = ChartQuery.MAX_METRICS_LENGTH) @Nullable String metrics,
            @Parameter(description = "How many of the last updates to draw, 1..10000 (decimal digits only)",
                    schema = @Schema(type = "integer", format = "int32", minimum = "1", maximum = "" + ChartQuery.MAX_LAST,
                            defaultValue = "" + ChartQuery.DEFAULT_LAST))
            @RequestParam(required = false) @Nullable String last) {
        String svg = charts.svg(id, ChartQuery.parse(metrics, last));
        return ResponseEntity.ok().contentType(SVG).body(svg);
    }
}
