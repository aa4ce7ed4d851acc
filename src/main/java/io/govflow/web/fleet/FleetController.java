package io.govflow.web.fleet;

import static io.govflow.error.ErrorCode.METADATA_CORRUPT;
import static io.govflow.error.ErrorCode.VALIDATION_FAILED;

import io.govflow.flow.fleet.FleetQuery;
import io.govflow.flow.fleet.FleetReport;
import io.govflow.web.auth.Access;
import io.govflow.web.config.ApiErrors;
import io.govflow.web.config.ApiTags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The fleet at a glance for operators (admin token). */
@RestController
@RequestMapping(path = "/api/v1/fleet", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = ApiTags.FLEET)
public class FleetController {

    static final String STATUSES = "active|waiting_input|paused|archived|deleted";
    static final String TAG = "[A-Za-z0-9_.:-]{1,64}";
    static final int MAX_ANOMALIES = 1000;

    private final FleetReport report;

    public FleetController(FleetReport report) {
        this.report = report;
    }

    @GetMapping("/summary")
    @Access(Access.Level.ADMIN)
    @Operation(operationId = "fleetSummary", summary = "The fleet at a glance (admin)",
            description = "Counts by status; quantiles of the latest attention_score and coherence of every agent "
                    + "that is not deleted and has an update (null numbers when there is none); the agents at or "
                    + "above the revise threshold, paused, under review or in a loop cooldown (counts and up to 50 "
                    + "ids each); updates per minute over the last hour. Served from an in-memory index that is "
                    + "refreshed from changed logs at most every govflow.fleet.refresh-interval.")
    @ApiErrors({ METADATA_CORRUPT })
    public FleetSummaryResponse summary() {
        return FleetSummaryResponse.of(report.summary());
    }

    @GetMapping("/anomalies")
    @Access(Access.Level.ADMIN)
    @Operation(operationId = "fleetAnomalies", summary = "Agents whose latest update stands out (admin)",
            description = "attention_deviation / coherence_deviation: the latest value is more than 3 standard "
                    + "deviations from the mean of the agent's previous updates in the window (at least 10 of "
                    + "them; the deviation divided by is at least 0.02, so a flat series needs a change above "
                    + "0.06). decision_pattern: the share of pause decisions in the last 10 updates differs by 0.5 "
                    + "or more from the share in up to 40 before them (at least 20). Most severe first.")
    @ApiErrors({ VALIDATION_FAILED, METADATA_CORRUPT })
    public FleetAnomaliesResponse anomalies(
            @Parameter(description = "1 to " + MAX_ANOMALIES) @RequestParam(defaultValue = "100") @Min(1)
            @Max(MAX_ANOMALIES) int limit) {
        return FleetAnomaliesResponse.of(report.anomalies(limit));
    }

    @GetMapping("/agents")
    @Access(Access.Level.ADMIN)
    @Operation(operationId = "fleetAgents", summary = "The fleet, sortable and filterable (admin)",
            description = "Every agent with its status, tags, latest values, loop cooldown and review state. An "
                    + "agent without a value sorts last in either order; ties go by agent_id.")
    @ApiErrors({ VALIDATION_FAILED, METADATA_CORRUPT })
    public FleetAgentsResponse agents(
            @Parameter(description = "active, waiting_input, paused, archived or deleted")
            @RequestParam(required = false) @Nullable @Pattern(regexp = STATUSES) String status,
            @RequestParam(required = false) @Nullable @Pattern(regexp = TAG) String tag,
            @Parameter(description = "agent_id, status, last_update, attention_score or coherence")
            @RequestParam(defaultValue = "agent_id") @Pattern(regexp = FleetQuery.Sort.WORDS) String sort,
            @RequestParam(defaultValue = "asc") @Pattern(regexp = "asc|desc") String order,
            @Parameter(description = "0-based") @RequestParam(defaultValue = "0") @Min(0) @Max(1_000_000) int page,
            @RequestParam(defaultValue = "100") @Min(1) @Max(FleetQuery.MAX_SIZE) int size) {
        FleetQuery query = new FleetQuery(status, tag, FleetQuery.Sort.of(sort), "desc".equals(order), page, size);
        return FleetAgentsResponse.of(report.agents(query));
    }
}
