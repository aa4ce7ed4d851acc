package io.govflow.web.update;

import static io.govflow.error.ErrorCode.AGENT_DELETED;
import static io.govflow.error.ErrorCode.AGENT_NOT_FOUND;
import static io.govflow.error.ErrorCode.AGENT_PAUSED;
import static io.govflow.error.ErrorCode.IDEMPOTENCY_KEY_REUSED;
import static io.govflow.error.ErrorCode.INVALID_AGENT_ID;
import static io.govflow.error.ErrorCode.LOOP_DETECTED;
import static io.govflow.error.ErrorCode.METADATA_CORRUPT;
import static io.govflow.error.ErrorCode.STATE_CORRUPT;
import static io.govflow.error.ErrorCode.STORAGE_ERROR;

import io.govflow.flow.update.AgentMetrics;
import io.govflow.flow.update.UpdateFlow;
import io.govflow.web.auth.Access;
import io.govflow.web.config.ApiErrors;
import io.govflow.web.config.ApiTags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The update flow over HTTP: authenticated updates, side-effect-free simulations, current metrics. */
@RestController
@RequestMapping(path = "/api/v1/agents/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = ApiTags.UPDATES)
public class UpdateController {

    private final UpdateFlow updateFlow;

    public UpdateController(UpdateFlow updateFlow) {
        this.updateFlow = updateFlow;
    }

    @PostMapping(path = "/updates", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Access(Access.Level.AGENT_KEY)
    @Operation(operationId = "postUpdate", summary = "Post an update and get a decision",
            description = "Authenticate → validate → compute → decide → persist → respond. The update is durable "
                    + "before the response. A retry with the same Idempotency-Key returns the original result.")
    @ApiErrors(value = { INVALID_AGENT_ID, AGENT_NOT_FOUND, AGENT_PAUSED, AGENT_DELETED, IDEMPOTENCY_KEY_REUSED,
            LOOP_DETECTED, STATE_CORRUPT, METADATA_CORRUPT, STORAGE_ERROR }, writes = true)
    public UpdateResponse update(@PathVariable String id,
            @Parameter(description = "Optional; at most 128 printable ASCII characters")
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey,
            @Valid @RequestBody(required = false) @Nullable UpdateRequest body) {
        return UpdateResponse.of(updateFlow.update(id, UpdateRequests.toCommand(body),
                UpdateRequests.idempotencyKey(idempotencyKey)));
    }

    @PostMapping(path = "/simulations", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Access(Access.Level.ANY_CREDENTIAL)
    @Operation(operationId = "simulateUpdate", summary = "Compute a decision without changing anything",
            description = "Same input and output as an update, plus simulation: true. Writes nothing anywhere.")
    @ApiErrors({ INVALID_AGENT_ID, AGENT_NOT_FOUND, STATE_CORRUPT })
    public UpdateResponse simulate(@PathVariable String id,
            @Valid @RequestBody(required = false) @Nullable UpdateRequest body) {
        return UpdateResponse.of(updateFlow.simulate(id, UpdateRequests.toCommand(body)));
    }

    @GetMapping("/metrics")
    @Access(Access.Level.ANY_CREDENTIAL)
    @Operation(operationId = "getMetrics", summary = "Current governance metrics of an agent",
            description = "The EISV state, attention (current and mean), phi and verdict, health status, sampling "
                    + "parameters and the counts of decisions, from the agent's state; changes nothing.")
    @ApiErrors({ INVALID_AGENT_ID, AGENT_NOT_FOUND, STATE_CORRUPT })
    public MetricsResponse metrics(@PathVariable String id) {
        AgentMetrics metrics = updateFlow.metrics(id);
        return MetricsResponse.of(metrics);
    }
}
