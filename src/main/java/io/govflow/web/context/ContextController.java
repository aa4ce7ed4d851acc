package io.govflow.web.context;

import static io.govflow.error.ErrorCode.AGENT_DELETED;
import static io.govflow.error.ErrorCode.AGENT_NOT_FOUND;
import static io.govflow.error.ErrorCode.CONTEXT_NOT_FOUND;
import static io.govflow.error.ErrorCode.INVALID_AGENT_ID;
import static io.govflow.error.ErrorCode.INVALID_CONTEXT_TYPE;
import static io.govflow.error.ErrorCode.LOCK_TIMEOUT;
import static io.govflow.error.ErrorCode.STATE_CORRUPT;
import static io.govflow.error.ErrorCode.STORAGE_ERROR;
import static io.govflow.error.ErrorCode.STORE_READ_ONLY;
import static io.govflow.error.ErrorCode.VALIDATION_FAILED;

import io.govflow.flow.context.ContextRead;
import io.govflow.flow.context.ContextReadFlow;
import io.govflow.flow.context.ContextWriteFlow;
import io.govflow.flow.context.ContextWritten;
import io.govflow.web.auth.Access;
import io.govflow.web.limit.Quota;
import io.govflow.web.limit.RateLimited;
import io.govflow.web.config.ApiErrors;
import io.govflow.web.config.ResponseHeader;
import io.govflow.web.config.ApiSuccess;
import io.govflow.web.config.ApiTags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Context documents of one tenant (private: its own key or the admin token; another agent's key sees
 * {@code CONTEXT_NOT_FOUND}).
 */
@RestController
@RequestMapping(path = "/api/v1/agents/{id}/context", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = ApiTags.CONTEXT)
public class ContextController {

    /** Response header naming the source that served a read. */
    public static final String SOURCE_HEADER = "X-Context-Source";

    private final ContextReadFlow reads;
    private final ContextWriteFlow writes;

    public ContextController(ContextReadFlow reads, ContextWriteFlow writes) {
        this.reads = reads;
        this.writes = writes;
    }

    @GetMapping
    @Access(Access.Level.TENANT_OR_ADMIN)
    @Operation(operationId = "listContext", summary = "The tenant's context manifest",
            description = "Stored documents by type (ts, src, db, sb, h, q, related) and the service-maintained "
                    + "types, which are derived on first read.")
    @ApiErrors({ INVALID_AGENT_ID, CONTEXT_NOT_FOUND, AGENT_NOT_FOUND, STORAGE_ERROR })
    public ContextListResponse list(@PathVariable String id) {
        return ContextListResponse.of(reads.list(id));
    }

    @PutMapping(path = "/{type}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Access(Access.Level.TENANT_OR_ADMIN)
    @RateLimited(Quota.CONTEXT_WRITES)
    @Operation(operationId = "putContext", summary = "Write an agent-written context document",
            description = "Normalize → redact (d and s) → derive s when absent → trim d to the byte budget (a d "
                    + "that trimming cannot fit is refused with VALIDATION_FAILED on d) → "
                    + "write atomically (the previous version is kept for the fallback) → manifest. 201 when the "
                    + "type is new, 200 when replaced. governance.* types are maintained by the service.")
    @ApiErrors(value = { INVALID_AGENT_ID, INVALID_CONTEXT_TYPE, CONTEXT_NOT_FOUND, AGENT_NOT_FOUND, AGENT_DELETED,
            STORAGE_ERROR }, writes = true)
    @ApiSuccess(statuses = { HttpStatus.CREATED, HttpStatus.OK })
    public ResponseEntity<ContextWriteResponse> put(@PathVariable String id, @PathVariable String type,
            @Valid @RequestBody PutContextRequest body) {
        ContextWritten written = writes.put(id, type, body.toCommand());
        return ResponseEntity.status(written.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(new ContextWriteResponse(true, written.document()));
    }

    @GetMapping("/{type}")
    @Access(Access.Level.TENANT_OR_ADMIN)
    @Operation(operationId = "getContext", summary = "Read a context document (summary first)",
            description = "view=summary (default) leaves d out. A missing, invalid, tampered or stale document "
                    + "falls back to the canonical store (governance.* re-derived and rewritten; others: the "
                    + "previous valid copy, stale) and then to a lexical search over the tenant's documents "
                    + "(q= or the stored hints). The source is in the body and in X-Context-Source.")
    @ApiErrors({ VALIDATION_FAILED, INVALID_AGENT_ID, INVALID_CONTEXT_TYPE, CONTEXT_NOT_FOUND, AGENT_NOT_FOUND,
            STATE_CORRUPT, STORAGE_ERROR })
    @ApiSuccess(headers = ResponseHeader.CONTEXT_SOURCE)
    public ResponseEntity<ContextReadResponse> get(@PathVariable String id, @PathVariable String type,
            @Parameter(description = "summary (default) or full")
            @RequestParam(defaultValue = "summary") @Pattern(regexp = "summary|full") String view,
            @Parameter(description = "Query words for the semantic fallback")
            @RequestParam(required = false) @Size(max = 200) @Nullable String q) {
        ContextRead read = reads.read(id, type, "full".equals(view), q);
        return ResponseEntity.ok().header(SOURCE_HEADER, read.source().code()).body(ContextReadResponse.of(read));
    }

    @DeleteMapping("/{type}")
    @Access(Access.Level.TENANT_OR_ADMIN)
    @RateLimited(Quota.CONTEXT_WRITES)
    @Operation(operationId = "deleteContext", summary = "Delete a context document and its previous copy",
            description = "Removes the document, its previous copy and its manifest entry. governance.* types are "
                    + "maintained by the service and cannot be deleted.")
    @ApiErrors({ INVALID_AGENT_ID, INVALID_CONTEXT_TYPE, CONTEXT_NOT_FOUND, AGENT_NOT_FOUND, AGENT_DELETED,
            LOCK_TIMEOUT, STORE_READ_ONLY, STORAGE_ERROR })
    public ContextDeleteResponse delete(@PathVariable String id, @PathVariable String type) {
        writes.delete(id, type);
        return new ContextDeleteResponse(true, id, type, true);
    }

    @GetMapping("/{type}/drift")
    @Access(Access.Level.TENANT_OR_ADMIN)
    @Operation(operationId = "getContextDrift", summary = "Hash and source drift of a stored document",
            description = "Compares m.h with the stored d and, for governance.* documents, d.as_of with the "
                    + "source; reports TTL expiry. Changes nothing.")
    @ApiErrors({ INVALID_AGENT_ID, INVALID_CONTEXT_TYPE, CONTEXT_NOT_FOUND, AGENT_NOT_FOUND, STORAGE_ERROR })
    public ContextDriftResponse drift(@PathVariable String id, @PathVariable String type) {
        return ContextDriftResponse.of(reads.drift(id, type));
    }
}
