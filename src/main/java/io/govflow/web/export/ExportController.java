package io.govflow.web.export;

import static io.govflow.error.ErrorCode.AGENT_NOT_FOUND;
import static io.govflow.error.ErrorCode.EXPORT_EXISTS;
import static io.govflow.error.ErrorCode.EXPORT_NOT_FOUND;
import static io.govflow.error.ErrorCode.EXPORT_QUOTA_EXCEEDED;
import static io.govflow.error.ErrorCode.EXPORT_TOO_LARGE;
import static io.govflow.error.ErrorCode.INVALID_AGENT_ID;
import static io.govflow.error.ErrorCode.INVALID_FILENAME;
import static io.govflow.error.ErrorCode.METADATA_CORRUPT;
import static io.govflow.error.ErrorCode.STATE_CORRUPT;
import static io.govflow.error.ErrorCode.STORAGE_ERROR;
import static io.govflow.error.ErrorCode.UNSUPPORTED_EXPORT_FORMAT;
import static io.govflow.error.ErrorCode.VALIDATION_FAILED;

import java.time.Duration;

import io.govflow.flow.export.ExportFlow;
import io.govflow.flow.export.StreamedFile;
import io.govflow.flow.auth.Caller;
import io.govflow.web.auth.Access;
import io.govflow.web.limit.Quota;
import io.govflow.web.limit.RateLimited;
import io.govflow.web.auth.RequestCaller;
import io.govflow.web.config.ApiErrors;
import io.govflow.web.config.ResponseHeader;
import io.govflow.web.config.ApiSuccess;
import io.govflow.web.config.ApiTags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** The export flow over HTTP. */
@RestController
@Tag(name = ApiTags.EXPORTS)
public class ExportController {

    private static final String FORMAT_DOC = "json (default) or csv";
    /** The largest page of an export listing. */
    public static final int MAX_PAGE_SIZE = 1000;

    private final ExportFlow exportFlow;

    public ExportController(ExportFlow exportFlow) {
        this.exportFlow = exportFlow;
    }

    @GetMapping(path = "/api/v1/agents/{id}/history", produces = MediaType.APPLICATION_JSON_VALUE)
    @Access(Access.Level.ANY_CREDENTIAL)
    @Operation(operationId = "getHistory", summary = "The agent's full history as one string (seed's inline answer)",
            description = "Every committed update from the update log. Documents above 8 MiB are refused with "
                    + "EXPORT_TOO_LARGE: use the download endpoint instead.")
    @ApiErrors({ INVALID_AGENT_ID, AGENT_NOT_FOUND, UNSUPPORTED_EXPORT_FORMAT, EXPORT_TOO_LARGE, STATE_CORRUPT,
            STORAGE_ERROR })
    public HistoryResponse history(@PathVariable String id,
            @Parameter(description = FORMAT_DOC) @RequestParam(required = false) @Nullable String format) {
        return HistoryResponse.of(exportFlow.inlineHistory(id, format));
    }

    @GetMapping("/api/v1/agents/{id}/history/download")
    @Access(Access.Level.ANY_CREDENTIAL)
    @Operation(operationId = "downloadHistory", summary = "Download the agent's full history as a file",
            description = "Streamed (memory does not grow with history length), with Content-Disposition.",
            responses = @ApiResponse(responseCode = "200", description = "The history document", content = {
                    @Content(mediaType = "application/json", schema = @Schema(type = "string", format = "binary")),
                    @Content(mediaType = "text/csv", schema = @Schema(type = "string", format = "binary")) }))
    @ApiErrors({ INVALID_AGENT_ID, AGENT_NOT_FOUND, UNSUPPORTED_EXPORT_FORMAT, STATE_CORRUPT, STORAGE_ERROR })
    @ApiSuccess(headers = ResponseHeader.CONTENT_DISPOSITION)
    public ResponseEntity<StreamingResponseBody> downloadHistory(@PathVariable String id,
            @Parameter(description = FORMAT_DOC) @RequestParam(required = false) @Nullable String format) {
        return stream(exportFlow.downloadHistory(id, format));
    }

    @PostMapping(path = "/api/v1/agents/{id}/exports", produces = MediaType.APPLICATION_JSON_VALUE)
    @Access(Access.Level.AGENT_KEY_OR_ADMIN)
    @RateLimited(Quota.EXPORTS)
    @Operation(operationId = "exportHistory", summary = "Write an export file (history-only or complete package)",
            description = "History-only files go to history/ (json or csv), complete packages (json) to exports/. "
                    + "An automatic name that exists gets _2, _3, …; a custom name that exists is refused with "
                    + "EXPORT_EXISTS unless overwrite is true; overwrite replaces only a file of this agent "
                    + "(the admin's token may replace any), and a custom name that reads as another agent's automatic "
                    + "name is refused with INVALID_FILENAME. An agent keeps at most "
                    + "govflow.limits.export-files-per-agent files (EXPORT_QUOTA_EXCEEDED past it; nothing is deleted "
                    + "automatically). file_path is relative to the data directory.")
    @ApiErrors(value = { INVALID_AGENT_ID, INVALID_FILENAME, UNSUPPORTED_EXPORT_FORMAT, AGENT_NOT_FOUND, EXPORT_EXISTS,
            EXPORT_QUOTA_EXCEEDED, STATE_CORRUPT, METADATA_CORRUPT, STORAGE_ERROR }, writes = true)
    @ResponseStatus(HttpStatus.CREATED)
    public ExportResponse export(@PathVariable String id,
            @Valid @RequestBody(required = false) @Nullable ExportRequest body, HttpServletRequest request) {
        return ExportResponse.of(exportFlow.export(id, ExportRequest.toCommand(body), RequestCaller.of(request)));
    }

    @GetMapping(path = "/api/v1/exports", produces = MediaType.APPLICATION_JSON_VALUE)
    @Access(Access.Level.ANY_CREDENTIAL)
    @Operation(operationId = "listExports", summary = "List export files",
            description = "An agent sees only its own files (those whose document names it), the admin every "
                    + "file; paged (page, size, total). Filtered by the agent the document names and by kind (history or package).")
    @ApiErrors({ VALIDATION_FAILED, INVALID_AGENT_ID, STORAGE_ERROR })
    public ExportListResponse list(
            @RequestParam(name = "agent_id", required = false) @Nullable String agentId,
            @Parameter(description = "history or package") @RequestParam(required = false) @Nullable String kind,
            @Parameter(description = "0-based") @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "100") @Min(1) @Max(MAX_PAGE_SIZE) int size,
            HttpServletRequest request) {
        return ExportListResponse.of(exportFlow.page(agentId, kind, RequestCaller.of(request), page, size));
    }

    @PostMapping(path = "/api/v1/maintenance/exports/prune", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Access(Access.Level.ADMIN)
    @Operation(operationId = "pruneExports", summary = "Remove old export files (admin)",
            description = "Export files last written more than older_than_days ago, of one agent or all, are "
                    + "removed; dry_run (the default) only lists them. The only way export files are deleted: past "
                    + "an agent's quota new exports are refused, never made room for.")
    @ApiErrors(value = { VALIDATION_FAILED, INVALID_AGENT_ID, STORAGE_ERROR }, writes = true)
    public PruneResponse prune(@Valid @RequestBody PruneRequest body) {
        return PruneResponse.of(exportFlow.prune(body.agentId(), Duration.ofDays(body.olderThanDays()),
                !Boolean.FALSE.equals(body.dryRun())));
    }

    @GetMapping("/api/v1/exports/{kind}/{filename}")
    @Access(Access.Level.ANY_CREDENTIAL)
    @Operation(operationId = "downloadExport", summary = "Download an export file",
            description = "Streams a file of history/ (kind history) or exports/ (kind package) as written, with "
                    + "Content-Disposition; list the files with GET /api/v1/exports. Another agent's file is "
                    + "EXPORT_NOT_FOUND (the admin reads every file).",
            responses = @ApiResponse(responseCode = "200", description = "The file", content = {
                    @Content(mediaType = "application/json", schema = @Schema(type = "string", format = "binary")),
                    @Content(mediaType = "text/csv", schema = @Schema(type = "string", format = "binary")) }))
    @ApiErrors({ VALIDATION_FAILED, INVALID_FILENAME, EXPORT_NOT_FOUND, STORAGE_ERROR })
    @ApiSuccess(headers = ResponseHeader.CONTENT_DISPOSITION)
    public ResponseEntity<StreamingResponseBody> download(
            @Parameter(description = "history or package") @PathVariable String kind,
            @Parameter(description = "File name with its extension") @PathVariable String filename,
            HttpServletRequest request) {
        return stream(exportFlow.open(kind, filename, RequestCaller.of(request)));
    }

    @PostMapping(path = "/api/v1/exports/validation", produces = MediaType.APPLICATION_JSON_VALUE)
    @Access(Access.Level.ANY_CREDENTIAL)
    @Operation(operationId = "validateExports", summary = "Run the export validator",
            description = "Checks every file of history/ and exports/ (or one) as a self-contained document: "
                    + "name pattern, file-name timestamp, size, JSON/CSV shape, required fields, ISO timestamps, "
                    + "array lengths, and a package's history against its own embedded metadata. An agent's "
                    + "token checks only its own files, the admin's every file.")
    @ApiErrors({ INVALID_FILENAME, EXPORT_NOT_FOUND, STORAGE_ERROR })
    public ValidationResponse validate(@Valid @RequestBody(required = false) @Nullable ValidationRequest body,
            HttpServletRequest request) {
        Caller caller = RequestCaller.of(request);
        return ValidationResponse.of(body == null ? exportFlow.validate(null, null, caller)
                : exportFlow.validate(body.filename(), body.kind(), caller));
    }

    private static ResponseEntity<StreamingResponseBody> stream(StreamedFile file) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType(file.contentType() + ";charset=UTF-8"));
        headers.setContentDisposition(ContentDisposition.attachment().filename(file.fileName()).build());
        return ResponseEntity.ok().headers(headers).body(file::writeTo);
    }
}
