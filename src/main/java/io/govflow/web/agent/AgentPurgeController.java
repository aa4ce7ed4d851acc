package io.govflow.web.agent;

import static io.govflow.error.ErrorCode.AGENT_NOT_DELETED;
import static io.govflow.error.ErrorCode.AGENT_NOT_FOUND;
import static io.govflow.error.ErrorCode.INVALID_AGENT_ID;
import static io.govflow.error.ErrorCode.METADATA_CORRUPT;
import static io.govflow.error.ErrorCode.STATE_CORRUPT;

import io.govflow.flow.agent.AgentPurge;
import io.govflow.web.auth.Access;
import io.govflow.web.config.ApiErrors;
import io.govflow.web.config.ApiTags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The admin purge of a soft-deleted agent. */
@RestController
@RequestMapping(path = "/api/v1/agents", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = ApiTags.LIFECYCLE)
public class AgentPurgeController {

    private final AgentPurge purge;

    public AgentPurgeController(AgentPurge purge) {
        this.purge = purge;
    }

    @PostMapping("/{id}/purge")
    @Access(Access.Level.ADMIN)
    @Operation(operationId = "purgeAgent", summary = "Purge a deleted agent for good (admin)",
            description = "Only for an agent already soft-deleted. Writes a backup of the record (without the key "
                    + "hash) to backups/, then removes the context documents, the state file, the update log and "
                    + "the metadata record, and drops every cache of the agent. Exports, dialectic sessions, "
                    + "discoveries and backups are kept. A second purge answers AGENT_NOT_FOUND; the id can then "
                    + "be registered afresh, starting with no history.")
    @ApiErrors(value = { INVALID_AGENT_ID, AGENT_NOT_FOUND, AGENT_NOT_DELETED, STATE_CORRUPT,
            METADATA_CORRUPT }, writes = true)
    public PurgeResponse purge(@PathVariable String id) {
        return PurgeResponse.of(purge.purge(id));
    }
}
