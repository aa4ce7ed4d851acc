package io.govflow.web.consistency;

import static io.govflow.error.ErrorCode.AGENT_NOT_FOUND;
import static io.govflow.error.ErrorCode.INVALID_AGENT_ID;
import static io.govflow.error.ErrorCode.METADATA_CORRUPT;
import static io.govflow.error.ErrorCode.STORAGE_ERROR;

import io.govflow.flow.consistency.ConsistencyChecker;
import io.govflow.flow.consistency.RepairFlow;
import io.govflow.web.auth.Access;
import io.govflow.web.config.ApiErrors;
import io.govflow.web.config.ApiTags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Consistency checks and repair (admin token). */
@RestController
@Tag(name = ApiTags.MAINTENANCE)
public class ConsistencyController {

    private final ConsistencyChecker checker;
    private final RepairFlow repairFlow;

    public ConsistencyController(ConsistencyChecker checker, RepairFlow repairFlow) {
        this.checker = checker;
        this.repairFlow = repairFlow;
    }

    @GetMapping(path = "/api/v1/consistency", produces = MediaType.APPLICATION_JSON_VALUE)
    @Access(Access.Level.ADMIN)
    @Operation(operationId = "consistency", summary = "Consistency report of every agent (or one)",
            description = "metadata.total_updates == state.update_count == last log seq, gap-free logs, "
                    + "last_update == last log timestamp, state arrays, ISO timestamps, value ranges, metadata "
                    + "records, orphan, lock, legacy and temp files. ok means no error; warnings are allowed.")
    @ApiErrors({ INVALID_AGENT_ID, AGENT_NOT_FOUND, STORAGE_ERROR })
    public ConsistencyResponse consistency(
            @RequestParam(name = "agent_id", required = false) @Nullable String agentId) {
        return ConsistencyResponse.of(checker.check(agentId));
    }

    @PostMapping(path = "/api/v1/maintenance/repair", produces = MediaType.APPLICATION_JSON_VALUE)
    @Access(Access.Level.ADMIN)
    @Operation(operationId = "repair", summary = "Repair what the consistency report can fix",
            description = "Moves a torn update-log tail or a damaged state file to quarantine/ (never deletes) and "
                    + "rolls state and metadata forward from the update log. Run with dry_run true first to see "
                    + "the plan. On PostgreSQL nothing is moved aside: a damaged state row is left for an operator "
                    + "(left_for_operator), roll-forwards run as on files.")
    @ApiErrors(value = { INVALID_AGENT_ID, AGENT_NOT_FOUND, METADATA_CORRUPT, STORAGE_ERROR }, writes = true)
    public RepairResponse repair(@Valid @RequestBody(required = false) @Nullable RepairRequest body) {
        String agentId = body == null ? null : body.agentId();
        boolean dryRun = body != null && Boolean.TRUE.equals(body.dryRun());
        return RepairResponse.of(repairFlow.repair(agentId, dryRun));
    }
}
