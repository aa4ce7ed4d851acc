package io.govflow.web.dialectic;

import static io.govflow.error.ErrorCode.AGENT_DELETED;
import static io.govflow.error.ErrorCode.AGENT_NOT_FOUND;
import static io.govflow.error.ErrorCode.DISCOVERY_NOT_FOUND;
import static io.govflow.error.ErrorCode.HARD_LIMIT_VIOLATION;
import static io.govflow.error.ErrorCode.INVALID_AGENT_ID;
import static io.govflow.error.ErrorCode.INVALID_SESSION_ID;
import static io.govflow.error.ErrorCode.METADATA_CORRUPT;
import static io.govflow.error.ErrorCode.REVIEW_UNAVAILABLE;
import static io.govflow.error.ErrorCode.SESSION_NOT_FOUND;
import static io.govflow.error.ErrorCode.SESSION_PHASE_CONFLICT;
import static io.govflow.error.ErrorCode.SESSION_SIGNATURE_INVALID;
import static io.govflow.error.ErrorCode.STATE_CORRUPT;
import static io.govflow.error.ErrorCode.STORAGE_ERROR;
import static io.govflow.error.ErrorCode.UNSAFE_RESUME;

import java.util.List;

import io.govflow.flow.dialectic.DialecticService;
import io.govflow.flow.dialectic.ReviewRequests;
import io.govflow.flow.dialectic.SelfRecovery;
import io.govflow.web.auth.Access;
import io.govflow.web.limit.Quota;
import io.govflow.web.limit.RateLimited;
import io.govflow.web.auth.RequestCaller;
import io.govflow.web.config.ApiErrors;
import io.govflow.web.config.ApiTags;
import io.govflow.web.dialectic.DialecticResponses.Created;
import io.govflow.web.dialectic.DialecticResponses.Listed;
import io.govflow.web.dialectic.DialecticResponses.Recovered;
import io.govflow.web.dialectic.DialecticResponses.Session;
import io.govflow.web.dialectic.DialecticResponses.Step;
import io.govflow.web.dialectic.DialecticResponses.Summary;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Peer review that gets a paused agent back to work: request → thesis (paused agent) → antithesis (reviewer) →
 * syntheses (either) → resolved (resume or block), escalated or failed.
 */
@RestController
@Tag(name = ApiTags.DIALECTIC)
public class DialecticController {

    private static final String SESSION = "/api/v1/dialectic/sessions/{sid}";

    private final ReviewRequests reviewRequests;
    private final DialecticService dialectic;
    private final SelfRecovery selfRecovery;

    public DialecticController(ReviewRequests reviewRequests, DialecticService dialectic,
            SelfRecovery selfRecovery) {
        this.reviewRequests = reviewRequests;
        this.dialectic = dialectic;
        this.selfRecovery = selfRecovery;
    }

    @PostMapping(path = "/api/v1/dialectic/sessions", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Access(Access.Level.ANY_CREDENTIAL)
    @RateLimited(Quota.REVIEW_SESSIONS)
    @Operation(operationId = "requestReview", summary = "Request a review session",
            description = "Needs the key of agent_id. The reviewer is the named one, the disputed discovery's "
                    + "owner, or an active agent not in an open session chosen by authority score (health from its "
                    + "own recent attention, track record, shared tags, freshness). A named or chosen reviewer "
                    + "must be eligible (active, not the requester's parent or child, old enough, enough updates, "
                    + "registered before the requester's pause, healthy), else REVIEW_UNAVAILABLE with the reason. "
                    + "A dispute needs a stake: the discovery links (related_to) to one of the requester's own.")
    @ApiErrors(value = { INVALID_AGENT_ID, AGENT_NOT_FOUND, AGENT_DELETED, DISCOVERY_NOT_FOUND, REVIEW_UNAVAILABLE,
            STATE_CORRUPT, METADATA_CORRUPT, STORAGE_ERROR }, writes = true)
    @ResponseStatus(HttpStatus.CREATED)
    public Created create(@Parameter(hidden = true) HttpServletRequest request,
            @Valid @RequestBody ReviewRequest body) {
        return Created.of(reviewRequests.create(RequestCaller.of(request), body.toRequest()));
    }

    @PostMapping(path = SESSION + "/thesis", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Access(Access.Level.ANY_CREDENTIAL)
    @Operation(operationId = "submitThesis", summary = "The paused agent's thesis",
            description = "Only the paused agent's key. Phase thesis → antithesis.")
    @ApiErrors(value = { INVALID_SESSION_ID, SESSION_NOT_FOUND, SESSION_PHASE_CONFLICT, STATE_CORRUPT,
            STORAGE_ERROR }, writes = true)
    public Step thesis(@Parameter(hidden = true) HttpServletRequest request, @PathVariable String sid,
            @Valid @RequestBody ThesisRequest body) {
        return Step.of(dialectic.thesis(RequestCaller.of(request), sid, body.toMove()));
    }

    @PostMapping(path = SESSION + "/antithesis", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Access(Access.Level.ANY_CREDENTIAL)
    @Operation(operationId = "submitAntithesis", summary = "The reviewer's antithesis",
            description = "Only the reviewer's key. Phase antithesis → synthesis (round 1).")
    @ApiErrors(value = { INVALID_SESSION_ID, SESSION_NOT_FOUND, SESSION_PHASE_CONFLICT, STATE_CORRUPT,
            STORAGE_ERROR }, writes = true)
    public Step antithesis(@Parameter(hidden = true) HttpServletRequest request, @PathVariable String sid,
            @Valid @RequestBody AntithesisRequest body) {
        return Step.of(dialectic.antithesis(RequestCaller.of(request), sid, body.toMove()));
    }

    @PostMapping(path = SESSION + "/synthesis", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Access(Access.Level.ANY_CREDENTIAL)
    @Operation(operationId = "submitSynthesis", summary = "A synthesis proposal",
            description = "Either participant's key. When both latest proposals agree (conditions Jaccard ≥ 0.5, "
                    + "root causes ≥ 0.3) the session resolves: merged conditions, HMAC signatures, hard limits → "
                    + "resume (the agent becomes active, a resumed event carries the conditions) or block "
                    + "(HARD_LIMIT_VIOLATION recorded in the resolution). A resume still needs the agent to pass "
                    + "the resume safety check; otherwise the session fails and the step answers UNSAFE_RESUME "
                    + "(only the admin can resume it then). Non-convergence past the maximum rounds escalates. "
                    + "A session holding a message that does not match its signature is never resolved "
                    + "(SESSION_SIGNATURE_INVALID).")
    @ApiErrors(value = { INVALID_SESSION_ID, SESSION_NOT_FOUND, SESSION_PHASE_CONFLICT, SESSION_SIGNATURE_INVALID,
            AGENT_DELETED, UNSAFE_RESUME, STATE_CORRUPT, METADATA_CORRUPT, STORAGE_ERROR }, writes = true)
    public Step synthesis(@Parameter(hidden = true) HttpServletRequest request, @PathVariable String sid,
            @Valid @RequestBody SynthesisRequest body) {
        return Step.of(dialectic.synthesis(RequestCaller.of(request), sid, body.toMove()));
    }

    @GetMapping(path = SESSION, produces = MediaType.APPLICATION_JSON_VALUE)
    @Access(Access.Level.ANY_CREDENTIAL)
    @Operation(operationId = "getSession", summary = "A session, as stored",
            description = "expired and each message's signature check are computed on read; the file is not "
                    + "changed (the next step records failed).")
    @ApiErrors({ INVALID_SESSION_ID, SESSION_NOT_FOUND, STATE_CORRUPT })
    public Session get(@PathVariable String sid) {
        return Session.of(dialectic.get(sid));
    }

    @GetMapping(path = "/api/v1/agents/{id}/dialectic-sessions", produces = MediaType.APPLICATION_JSON_VALUE)
    @Access(Access.Level.ANY_CREDENTIAL)
    @Operation(operationId = "listAgentSessions", summary = "Sessions an agent takes part in, newest first",
            description = "Every dialectic session in which the agent is the paused agent or the reviewer, with its "
                    + "role, phase and outcome.")
    @ApiErrors({ INVALID_AGENT_ID })
    public Listed list(@PathVariable String id) {
        List<Summary> sessions = dialectic.listForAgent(id).stream().map(Summary::of).toList();
        return new Listed(true, sessions, sessions.size());
    }

    @PostMapping(path = "/api/v1/agents/{id}/self-recovery", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Access(Access.Level.AGENT_KEY)
    @Operation(operationId = "selfRecovery", summary = "Resume without a peer, if safe",
            description = "The agent's thesis against a system antithesis from its metrics; the merged conditions "
                    + "must pass the hard limits and the agent the resume checks (coherence > 0.40, mean "
                    + "attention < 0.60, no void). Recorded as a session file either way.")
    @ApiErrors(value = { INVALID_AGENT_ID, AGENT_NOT_FOUND, REVIEW_UNAVAILABLE, UNSAFE_RESUME, HARD_LIMIT_VIOLATION,
            STATE_CORRUPT, METADATA_CORRUPT, STORAGE_ERROR }, writes = true)
    public Recovered selfRecovery(@PathVariable String id,
            @Valid @RequestBody(required = false) @Nullable ThesisRequest body) {
        ThesisRequest thesis = body == null ? new ThesisRequest(null, null, null) : body;
        return Recovered.of(selfRecovery.recover(id, thesis.toMove()));
    }
}
