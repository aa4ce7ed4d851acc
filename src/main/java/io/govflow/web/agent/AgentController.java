package io.govflow.web.agent;

import static io.govflow.error.ErrorCode.ADMIN_DISABLED;
import static io.govflow.error.ErrorCode.AGENT_EXISTS;
import static io.govflow.error.ErrorCode.AGENT_NOT_FOUND;
import static io.govflow.error.ErrorCode.INVALID_AGENT_ID;
import static io.govflow.error.ErrorCode.METADATA_CORRUPT;
import static io.govflow.error.ErrorCode.STATE_CORRUPT;

import io.govflow.flow.agent.AgentEtags;
import io.govflow.flow.agent.AgentRegistry;
import io.govflow.flow.agent.Registration;
import io.govflow.flow.update.UpdateFlow;
import io.govflow.store.agent.AgentRecord;
import io.govflow.web.auth.Access;
import io.govflow.web.auth.RequestCaller;
import jakarta.servlet.http.HttpServletRequest;
import io.govflow.web.limit.Quota;
import io.govflow.web.limit.RateLimited;
import io.govflow.web.config.ApiErrors;
import io.govflow.web.config.ResponseHeader;
import io.govflow.web.config.ApiSuccess;
import io.govflow.web.config.ApiTags;
import io.govflow.web.update.MetricsResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Registration and lookup of agents. */
@RestController
@RequestMapping(path = "/api/v1/agents", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = ApiTags.AGENTS)
public class AgentController {

    private final AgentRegistry registry;
    private final UpdateFlow updateFlow;

    public AgentController(AgentRegistry registry, UpdateFlow updateFlow) {
        this.registry = registry;
        this.updateFlow = updateFlow;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Access(Access.Level.REGISTRATION)
    @RateLimited(Quota.REGISTRATION)
    @Operation(operationId = "registerAgent", summary = "Register an agent",
            description = "Returns the agent's api_key once; only its SHA-256 hash is stored. Keep it.")
    @ApiErrors(value = { INVALID_AGENT_ID, AGENT_EXISTS, ADMIN_DISABLED, METADATA_CORRUPT }, writes = true)
    @ResponseStatus(HttpStatus.CREATED)
    public RegistrationResponse register(@Valid @RequestBody RegisterRequest body, HttpServletRequest request) {
        Registration registration = registry.register(body.toCommand(), RequestCaller.isAdmin(request));
        return RegistrationResponse.of(registration);
    }

    @GetMapping("/{id}")
    @Access(Access.Level.ANY_CREDENTIAL)
    @Operation(operationId = "getAgent", summary = "An agent's metadata and current metrics",
            description = "The ETag header covers the user-editable fields (status, tags, notes, lifecycle events).")
    @ApiErrors({ INVALID_AGENT_ID, AGENT_NOT_FOUND, STATE_CORRUPT, METADATA_CORRUPT })
    @ApiSuccess(headers = ResponseHeader.ETAG)
    public ResponseEntity<AgentResponse> get(@PathVariable String id) {
        AgentRecord record = registry.get(id);
        MetricsResponse metrics = MetricsResponse.of(updateFlow.metrics(id));
        return ResponseEntity.ok().eTag(AgentEtags.of(record))
                .body(new AgentResponse(true, AgentView.of(record), metrics));
    }
}
