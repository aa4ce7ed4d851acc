package io.govflow.error;

import static io.govflow.error.ResponseHints.bearerChallenge;
import static io.govflow.error.ResponseHints.retryAfter;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Every error the service reports, with its HTTP status, its client message template, its single recovery
 * block and what its answers carry besides the body (a default Retry-After, a bearer challenge). Templates take
 * only values that passed validation (ids, field names, limits), filled with {@link String#formatted(Object...)}.
 */
public enum ErrorCode {
    VALIDATION_FAILED(400, "The request has invalid fields.",
            "Fix the fields listed in details.fields and send the request again.",
            List.of(), "1. Read details.fields 2. Correct each field within its documented range 3. Retry"),
    MALFORMED_JSON(400, "The request body is not valid JSON or exceeds the parser limits.",
            "Send a well-formed JSON object within the size, depth and number limits.",
            List.of(), "1. Validate the body with a JSON parser 2. Keep nesting shallow and numbers finite 3. Retry"),
    INVALID_AGENT_ID(400, "The agent id is not valid: use 3 to 64 letters, digits, '_' or '-'.",
            "Use an agent id that matches ^[A-Za-z0-9_-]{3,64}$ and is not a generic name.",
            List.of("registerAgent"), "1. Pick an id such as scout_20251201 2. Register it 3. Use it in paths exactly as registered"),
    INVALID_FILENAME(400, "The file name is not valid: use 1 to 100 letters, digits, '_' or '-', starting with a letter or digit.",
            "Give a file name stem without dots, slashes or extension.",
            List.of("exportHistory"), "1. Choose a stem like weekly_report 2. Leave the extension to the server 3. Retry"),
    INVALID_CONTEXT_TYPE(400, "The context type is not valid.",
            "Use a lower-case dotted type name such as project.notes.",
            List.of("listContext"), "1. Use lower-case segments of letters, digits and '_' separated by single dots 2. Retry"),
    INVALID_SESSION_ID(400, "The session id is not valid.",
            "Use the session id returned when the session was created.",
            List.of("listAgentSessions"), "1. List the agent's sessions 2. Use one of the returned ids"),
    UNSUPPORTED_EXPORT_FORMAT(400, "The export format is not supported here.",
            "Use format json or csv for history; complete packages are json only.",
            List.of("exportHistory"), "1. Set format to json or csv 2. For complete_package use json 3. Retry"),
    AUTHENTICATION_REQUIRED(401, "A credential is required for this request.",
            "Send the agent's key (or the admin token) as Authorization: Bearer <key>.",
            List.of("registerAgent"), "1. Use the api_key returned at registration 2. Send it as Authorization: Bearer <api_key> 3. Retry",
            bearerChallenge(BearerChallenge.SCHEME_ONLY)),
    AUTHENTICATION_FAILED(401, "The credential is not valid for this agent.",
            "Use the api_key issued to this agent; keys of other agents do not work.",
            List.of("rotateApiKey"), "1. Check which agent the key belongs to 2. Send that agent's own key 3. If it is lost, ask an operator to rotate it",
            bearerChallenge(BearerChallenge.INVALID_TOKEN)),
    FORBIDDEN(403, "This credential is not allowed to perform this operation.",
            "Use the admin token for administrative endpoints.",
            List.of(), "1. Ask an operator to run the operation with the admin token"),
    ADMIN_DISABLED(403, "Administrative endpoints are disabled on this server.",
            "Set govflow.security.admin-token (GOVFLOW_SECURITY_ADMIN_TOKEN) and restart the service.",
            List.of(), "1. Configure GOVFLOW_SECURITY_ADMIN_TOKEN 2. Restart 3. Call again with Authorization: Bearer <token>"),
    AGENT_NOT_FOUND(404, "Agent '%s' is not registered.",
            "Register the agent, keep the returned api_key, then retry with it.",
            List.of("registerAgent", "listAgents"),
            "1. POST /api/v1/agents with this agent_id 2. Store the api_key from the response 3. Retry the call with Authorization: Bearer <api_key>"),
    SESSION_NOT_FOUND(404, "The dialectic session does not exist.",
            "Use an id returned by the session listing.", List.of("listAgentSessions"),
            "1. List the agent's sessions 2. Retry with an existing id"),
    DISCOVERY_NOT_FOUND(404, "The discovery does not exist.",
            "Search the knowledge graph for the discovery id.", List.of("searchDiscoveries"),
            "1. Search discoveries 2. Retry with an existing id"),
    EXPORT_NOT_FOUND(404, "The export file does not exist.",
            "List the exports and use one of the returned names.", List.of("listExports"),
            "1. GET /api/v1/exports 2. Retry with a listed kind and filename"),
    TOOL_NOT_AVAILABLE(404, "Govflow does not offer the reference tool '%s'; %s",
            "Use the alternative named in details.alternative, or list the tools this server offers (tools/list).",
            List.of(), "1. Read details.alternative 2. Call that endpoint or tool instead"),
    CONTEXT_NOT_FOUND(404, "The context document does not exist.",
            "List the agent's context documents or write this one first.", List.of("listContext", "putContext"),
            "1. GET the agent's context manifest 2. PUT the document if it is missing"),
    ROUTE_NOT_FOUND(404, "No endpoint matches this path.",
            "Check the path against the API documentation at /swagger-ui.html.", List.of(),
            "1. Open /v3/api-docs 2. Use a documented path"),
    METHOD_NOT_ALLOWED(405, "This HTTP method is not supported on this path.",
            "Use a method the API documentation lists for this path.", List.of(),
            "1. Check the Allow header 2. Retry with a supported method"),
    NOT_ACCEPTABLE(406, "This endpoint cannot answer in a media type the Accept header allows.",
            "Accept application/json (or */*); downloads also offer the media type of their format.", List.of(),
            "1. Send Accept: application/json or */* 2. Retry"),
    AGENT_EXISTS(409, "Agent '%s' is already registered.",
            "Use the key you received at registration, or register a different id.", List.of("getAgent"),
            "1. Reuse the stored api_key for this agent, or 2. register another agent_id"),
    EXPORT_EXISTS(409, "An export with this name already exists.",
            "Choose another file name or set overwrite to true.", List.of("listExports"),
            "1. Pick a new filename, or 2. send overwrite: true to replace it"),
    EXPORT_QUOTA_EXCEEDED(409, "The agent keeps as many export files as its quota allows.",
            "Download the files you need and ask an operator to prune old ones; files are never deleted automatically.",
            List.of("listExports", "pruneExports"),
            "1. GET /api/v1/exports to see the agent's files 2. Ask an operator to run POST /api/v1/maintenance/exports/prune 3. Retry the export"),
    AGENT_PAUSED(409, "Agent '%s' is paused and does not accept updates.",
            "Resume the agent when it is safe, or go through a dialectic review.", List.of("resumeAgent", "selfRecovery"),
            "1. Check the agent's metrics 2. POST /api/v1/agents/{id}/resume 3. Retry the update"),
    AGENT_DELETED(409, "Agent '%s' is deleted and does not accept changes.",
            "Register a new agent id; deleted agents stay read-only.", List.of("registerAgent"),
            "1. Register a new agent_id 2. Continue with its key"),
    PROTECTED_AGENT(409, "Agent '%s' is protected and cannot be deleted.",
            "Archive the agent instead of deleting it.", List.of("archiveAgent"),
            "1. POST /api/v1/agents/{id}/archive"),
    AGENT_NOT_DELETED(409, "Agent '%s' is not deleted; only a deleted agent can be purged.",
            "Soft-delete the agent first; its backup is written then, and the purge removes it for good.",
            List.of("deleteAgent", "purgeAgent"),
            "1. DELETE /api/v1/agents/{id} 2. POST /api/v1/agents/{id}/purge with the admin token"),
    SESSION_PHASE_CONFLICT(409, "This step does not fit the session's current phase.",
            "Read the session and submit the step its phase expects.", List.of("getSession"),
            "1. GET the session 2. Submit the step for its current phase"),
    SESSION_SIGNATURE_INVALID(409, "A message of this session does not match its signature; no resolution is applied.",
            "The session file was changed outside the service: read the session (each message reports its "
                    + "signature) and request a new review.", List.of("getSession", "requestReview"),
            "1. GET the session and look for a message whose signature is invalid 2. Request a new review session"),
    // --- dialectic ---
    REVIEW_UNAVAILABLE(409, "A dialectic review cannot start or continue for this agent now.",
            "Read details.reason: no free eligible reviewer, the named reviewer is not eligible (reviewer_*), no "
                    + "stake in the disputed discovery, or the agent is not paused.",
            List.of("requestReview", "listAgents"),
            "1. Read details.reason 2. Name an eligible reviewer with reviewer_agent_id, or ask the admin to resume "
                    + "the agent 3. Retry"),
    // --- end dialectic ---
    IDEMPOTENCY_KEY_REUSED(409, "This Idempotency-Key was already used with a different request body.",
            "Use a fresh Idempotency-Key for a new request.", List.of("postUpdate"),
            "1. Generate a new Idempotency-Key 2. Send the new request with it"),
    PRECONDITION_FAILED(412, "The resource changed since it was read (If-Match does not match).",
            "Read the resource again and retry with its current ETag.", List.of("getAgent"),
            "1. GET the agent 2. Reapply your change 3. Retry with If-Match: <new ETag>"),
    PAYLOAD_TOO_LARGE(413, "The request body is larger than the limit of %s.",
            "Send a smaller body.", List.of(), "1. Shorten response_text or other large fields 2. Retry"),
    EXPORT_TOO_LARGE(413, "The history is too large to return inline.",
            "Download the history as a streamed file instead.", List.of("downloadHistory"),
            "1. GET /api/v1/agents/{id}/history/download?format=json|csv"),
    REQUEST_TIMEOUT(408, "The request did not arrive within the read deadline; nothing was applied.",
            "Send the whole request without pauses; a slow or stalled upload is cut off at govflow.http.read-deadline.",
            List.of(), "1. Check the network path to the service 2. Send the request again in one go"),
    UNSUPPORTED_MEDIA_TYPE(415, "This content type is not supported; send application/json.",
            "Set Content-Type: application/json.", List.of(), "1. Add Content-Type: application/json 2. Retry"),
    UNSAFE_RESUME(422, "Agent '%s' cannot resume yet: its governance metrics are not safe.",
            "Wait until coherence is above 0.40, attention below 0.60 and no void is active, or request a review.",
            List.of("getMetrics", "selfRecovery"),
            "1. GET the agent's metrics 2. Address the failing checks 3. Retry the resume or request a dialectic review"),
    HARD_LIMIT_VIOLATION(422, "The proposed conditions break a hard limit.",
            "Remove the conditions that weaken safety or governance.", List.of("getSession"),
            "1. Revise the conditions 2. Submit the synthesis again"),
    RATE_LIMITED(429, "Too many requests; slow down.",
            "Wait for the Retry-After interval before trying again.", List.of(),
            "1. Wait Retry-After seconds 2. Retry", retryAfter(1)),
    LOOP_DETECTED(429, "A repetitive update pattern was detected; updates are paused for a cooldown.",
            "Wait for the cooldown in Retry-After, then continue with fewer, more deliberate updates.",
            List.of("getMetrics"), "1. Wait Retry-After seconds 2. Review recent decisions 3. Post the next update",
            retryAfter(1)),
    LOCK_TIMEOUT(503, "The resource is busy; the request was not applied.",
            "Retry after the Retry-After interval.", List.of(),
            "1. Wait Retry-After seconds 2. Retry the same request (with the same Idempotency-Key for updates)",
            retryAfter(1)),
    STORE_READ_ONLY(503, "The store is read-only after a storage failure; nothing was written.",
            "An operator must check the disk; after a failed fsync, remove the .read-only marker from the data "
                    + "directory and restart the service (a file system mounted read-only clears by itself once "
                    + "writable). Replays of committed updates with their Idempotency-Key are still answered.",
            List.of(),
            "1. Check disk health and free space 2. Delete the .read-only file in the data directory 3. Restart the "
                    + "service 4. Retry with the same Idempotency-Key",
            retryAfter(30)),
    CHECKPOINT_BACKLOG(503, "Checkpoints are too far behind the update logs; the request was not applied.",
            "Retry after the Retry-After interval; an operator should check free space and disk health if it lasts.",
            List.of(),
            "1. Wait Retry-After seconds 2. Retry the same request (with the same Idempotency-Key for updates) "
                    + "3. If it lasts, check the data volume's free space and the service log",
            retryAfter(5)),
    STATE_CORRUPT(503, "A stored file for this agent is damaged; nothing was changed.",
            "An operator should run the repair endpoint, which quarantines the damaged file and rebuilds it.",
            List.of("repair", "consistency"),
            "1. GET /api/v1/consistency 2. POST /api/v1/maintenance/repair with dry_run true 3. Run it without dry_run",
            retryAfter(30)),
    METADATA_CORRUPT(503, "The agent metadata file is damaged; nothing was changed.",
            "An operator should run the repair endpoint's dry run, then restore agent_metadata.json from a backup: "
                    + "agent keys cannot be rebuilt, so the damaged file is reported, never overwritten.",
            List.of("repair", "consistency"),
            "1. GET /api/v1/consistency 2. POST /api/v1/maintenance/repair with dry_run true 3. Restore "
                    + "agent_metadata.json from backups/ or a backup copy 4. Restart (update logs roll it forward)",
            retryAfter(30)),
    DATABASE_UNAVAILABLE(503, "The database cannot be reached; nothing was applied.",
            "Retry after the Retry-After interval; the service reconnects by itself when the database is back.",
            List.of(),
            "1. Wait Retry-After seconds 2. Retry the same request (with the same Idempotency-Key for updates) "
                    + "3. If it lasts, an operator should check the database",
            retryAfter(5)),
    FILE_STORE_ONLY(403, "This operation applies to the file store only; this server keeps its data in PostgreSQL.",
            "Use the database's own tools for this (locks, damaged rows and backups are PostgreSQL's concern).",
            List.of("consistency"), "1. GET /api/v1/consistency 2. Use PostgreSQL's tools for maintenance"),
    DISK_FULL(507, "The data directory has no space left; nothing was written.",
            "Free disk space; the service recovers by itself.", List.of(),
            "1. Free space on the data volume 2. Retry"),
    STORAGE_ERROR(500, "A storage operation failed.",
            "Retry with the same Idempotency-Key; details.committed says whether the update was applied.",
            List.of("consistency"), "1. Check details.committed 2. Retry with the same Idempotency-Key if it is false"),
    INTERNAL_ERROR(500, "An unexpected error occurred.",
            "Retry later; report the request_id to an operator if it persists.", List.of(),
            "1. Retry 2. Report the request_id");

    private final int httpStatus;
    private final String template;
    private final Recovery recovery;
    private final ResponseHints hints;

    ErrorCode(int httpStatus, String template, String action, List<String> relatedTools, String workflow) {
        this(httpStatus, template, action, relatedTools, workflow, ResponseHints.NONE);
    }

    ErrorCode(int httpStatus, String template, String action, List<String> relatedTools, String workflow,
            ResponseHints hints) {
        this.httpStatus = httpStatus;
        this.template = template;
        this.recovery = new Recovery(action, relatedTools, workflow);
        this.hints = hints;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public Recovery recovery() {
        return recovery;
    }

    /** The Retry-After an answer with this code promises when the thrower gives none. */
    public @Nullable Long defaultRetryAfterSeconds() {
        return hints.retryAfterSeconds();
    }

    /** The challenge a 401 with this code sends; null for every other code. */
    public @Nullable BearerChallenge challenge() {
        return hints.challenge();
    }

    /** The client message with the template's placeholders filled. */
    public String message(Object... args) {
        return args.length == 0 ? template.replace("%s", "?") : template.formatted(args);
    }

    /** Stable RFC 9457 type URN, e.g. {@code urn:govflow:error:agent-not-found}. */
    public String typeUrn() {
        return "urn:govflow:error:" + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public String title() {
        String words = name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
