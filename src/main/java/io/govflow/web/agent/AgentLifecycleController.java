package io.govflow.web.agent;

import static io.govflow.error.ErrorCode.AGENT_DELETED;
import static io.govflow.error.ErrorCode.AGENT_NOT_FOUND;
import static io.govflow.error.ErrorCode.AGENT_PAUSED;
import static io.govflow.error.ErrorCode.FORBIDDEN;
import static io.govflow.error.ErrorCode.INVALID_AGENT_ID;
import static io.govflow.error.ErrorCode.METADATA_CORRUPT;
import static io.govflow.error.ErrorCode.PRECONDITION_FAILED;
import static io.govflow.error.ErrorCode.PROTECTED_AGENT;
import static io.govflow.error.ErrorCode.STATE_CORRUPT;
import static io.govflow.error.ErrorCode.UNSAFE_RESUME;
import static io.govflow.error.ErrorCode.VALIDATION_FAILED;

import java.util.List;

import io.govflow.flow.agent.AgentEditor;
import io.govflow.flow.agent.AgentEtags;
import io.govflow.flow.agent.AgentLifecycle;
import io.govflow.flow.agent.AgentListing;
import io.govflow.store.agent.AgentRecord;
import io.govflow.web.auth.Access;
import io.govflow.web.auth.RequestCaller;
import jakarta.servlet.http.HttpServletRequest;
import io.govflow.web.config.ApiErrors;
import io.govflow.web.config.ResponseHeader;
import io.govflow.web.config.ApiSuccess;
import io.govflow.web.config.ApiTags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Listing, metadata edits and lifecycle transitions of agents. Mutations need the agent's own key or the admin
 * token; every transition is recorded as a lifecycle event.
 */
@RestController
@RequestMapping(path = "/api/v1/agents", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = ApiTags.LIFECYCLE)
public class AgentLifecycleController {

    private final AgentListing listing;
    private final AgentEditor editor;
    private final AgentLifecycle lifecycle;

    public AgentLifecycleController(AgentListing listing, AgentEditor editor, AgentLifecycle lifecycle) {
        this.listing = listing;
        this.editor = editor;
        this.lifecycle = lifecycle;
    }

    @GetMapping
    @Access(Access.Level.ANY_CREDENTIAL)
    @Operation(operationId = "listAgents", summary = "List agents",
            description = "Newest last_update first; filter by status and tag; counts_by_status covers every agent "
                    + "with the tag (the status filter does not apply to it).")
    @ApiErrors({ VALIDATION_FAILED, METADATA_CORRUPT })
    public AgentListResponse list(
            @Parameter(description = "active, waiting_input, paused, archived or deleted")
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String tag,
            @Parameter(description = "0-based") @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(AgentListing.MAX_SIZE) int size) {
        return AgentListResponse.of(listing.list(status, tag, page, size));
    }

    @PatchMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Access(Access.Level.AGENT_KEY_OR_ADMIN)
    @Operation(operationId = "updateAgent", summary = "Edit tags and notes",
            description = "Fields are merged one by one, so concurrent edits of different fields are all kept. With "
                    + "If-Match (the ETag of GET /api/v1/agents/{id}) the edit applies only if nothing changed since.")
    @ApiErrors(value = { INVALID_AGENT_ID, AGENT_NOT_FOUND, AGENT_DELETED, PRECONDITION_FAILED, FORBIDDEN,
            METADATA_CORRUPT }, writes = true)
    @ApiSuccess(headers = ResponseHeader.ETAG)
    public ResponseEntity<AgentChangeResponse> patch(@PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody PatchAgentRequest body, HttpServletRequest request) {
        return withEtag(editor.patch(id, body.toPatch(), ifMatch, RequestCaller.isAdmin(request)));
    }

    @PostMapping(path = "/{id}/archive", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Access(Access.Level.AGENT_KEY_OR_ADMIN)
    @Operation(operationId = "archiveAgent", summary = "Archive an agent",
            description = "The next update resumes it (lifecycle event resumed). Archiving twice changes nothing; "
                    + "a paused agent must be resumed first.")
    @ApiErrors(value = { INVALID_AGENT_ID, AGENT_NOT_FOUND, AGENT_PAUSED, AGENT_DELETED,
            METADATA_CORRUPT }, writes = true)
    @ApiSuccess(headers = ResponseHeader.ETAG)
    public ResponseEntity<AgentChangeResponse> archive(@PathVariable String id,
            @Valid @RequestBody(required = false) @Nullable ReasonRequest body) {
        return withEtag(lifecycle.archive(id, body == null ? null : body.reason()));
    }

    @PostMapping(path = "/{id}/resume", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Access(Access.Level.AGENT_KEY_OR_ADMIN)
    @Operation(operationId = "resumeAgent", summary = "Resume a paused, waiting or archived agent",
            description = "With the agent's key only when safe: coherence above the coherence-critical threshold, "
                    + "mean attention below the revise threshold, no void. The admin token resumes without that "
                    + "check (the operator's decision, recorded in the event). Conditions are recorded in the "
                    + "resumed lifecycle event.")
    @ApiErrors(value = { INVALID_AGENT_ID, AGENT_NOT_FOUND, AGENT_DELETED, UNSAFE_RESUME, STATE_CORRUPT,
            METADATA_CORRUPT }, writes = true)
    @ApiSuccess(headers = ResponseHeader.ETAG)
    public ResponseEntity<AgentChangeResponse> resume(@Parameter(hidden = true) HttpServletRequest request,
            @PathVariable String id, @Valid @RequestBody(required = false) @Nullable ResumeRequest body) {
        List<String> conditions = body == null || body.conditions() == null ? List.of() : body.conditions();
        boolean byAdmin = RequestCaller.of(request).admin();
        @Nullable String reason = body == null ? null : body.reason();
        if (byAdmin) {
            reason = "Resumed by the admin" + (reason == null || reason.isBlank() ? "" : ": " + reason);
        }
        return withEtag(lifecycle.resume(id, reason, conditions, !byAdmin));
    }

    @DeleteMapping("/{id}")
    @Access(Access.Level.AGENT_KEY_OR_ADMIN)
    @Operation(operationId = "deleteAgent", summary = "Soft-delete an agent",
            description = "Writes a backup of the metadata (without the key hash) to backups/, then sets status "
                    + "deleted; files are kept and the agent stays readable. Agents tagged pioneer are protected.")
    @ApiErrors(value = { INVALID_AGENT_ID, AGENT_NOT_FOUND, AGENT_DELETED, PROTECTED_AGENT,
            METADATA_CORRUPT }, writes = true)
    public DeletionResponse delete(@PathVariable String id) {
        return DeletionResponse.of(lifecycle.delete(id, null));
    }

    @PostMapping("/{id}/api-key/rotate")
    @Access(Access.Level.AGENT_KEY_OR_ADMIN)
    @Operation(operationId = "rotateApiKey", summary = "Issue a new API key",
            description = "The new key is returned once; the previous key stops working at once.")
    @ApiErrors(value = { INVALID_AGENT_ID, AGENT_NOT_FOUND, AGENT_DELETED, METADATA_CORRUPT }, writes = true)
    public KeyResponse rotate(@PathVariable String id) {
        return KeyResponse.of(editor.rotateKey(id));
    }

    @PostMapping("/{id}/api-key/revoke")
    @Access(Access.Level.ADMIN)
    @Operation(operationId = "revokeApiKey", summary = "Withdraw an agent's API key (admin)",
            description = "The key stops working at once, everywhere; no new key is issued (rotate issues one). "
                    + "Works on deleted agents too.")
    @ApiErrors(value = { INVALID_AGENT_ID, AGENT_NOT_FOUND, METADATA_CORRUPT }, writes = true)
    public AgentChangeResponse revoke(@PathVariable String id) {
        return AgentChangeResponse.of(editor.revokeKey(id));
    }

    @PostMapping(path = "/{id}/response-complete", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Access(Access.Level.AGENT_KEY_OR_ADMIN)
    @Operation(operationId = "completeResponse", summary = "Mark a response complete (status waiting_input)",
            description = "The next update sets the agent active again.")
    @ApiErrors(value = { INVALID_AGENT_ID, AGENT_NOT_FOUND, AGENT_PAUSED, AGENT_DELETED,
            METADATA_CORRUPT }, writes = true)
    @ApiSuccess(headers = ResponseHeader.ETAG)
    public ResponseEntity<AgentChangeResponse> responseComplete(@PathVariable String id,
            @Valid @RequestBody(required = false) @Nullable ResponseCompleteRequest body) {
        return withEtag(lifecycle.responseComplete(id, body == null ? null : body.summary()));
    }

    private static ResponseEntity<AgentChangeResponse> withEtag(AgentRecord record) {
        return ResponseEntity.ok().eTag(AgentEtags.of(record)).body(AgentChangeResponse.of(record));
    }
}
