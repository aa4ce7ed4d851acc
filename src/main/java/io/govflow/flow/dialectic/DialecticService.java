package io.govflow.flow.dialectic;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import io.govflow.config.GovflowProperties;
import io.govflow.error.ErrorCode;
import io.govflow.error.GovflowException;
import io.govflow.flow.agent.AgentIds;
import io.govflow.flow.agent.AgentStatuses;
import io.govflow.flow.auth.Caller;
import io.govflow.flow.dialectic.HardLimits.Violation;
import io.govflow.flow.dialectic.SessionTimeouts.Expiry;
import io.govflow.flow.knowledge.KnowledgeService;
import io.govflow.flow.update.RecordedTimes;
import io.govflow.store.agent.AgentRecord;
import io.govflow.store.agent.MetadataRepository;
import io.govflow.store.dialectic.DialecticMessage;
import io.govflow.store.dialectic.DialecticSession;
import io.govflow.store.dialectic.SessionRepository;
import io.govflow.store.io.LockHandle;
import io.govflow.store.io.LockKey;
import io.govflow.store.io.LockManager;
import io.govflow.store.io.StoreHealth;
import io.govflow.store.io.Timestamps;
import io.govflow.store.knowledge.Discovery;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The review protocol. Every step reads the session file under its lock (agent lock first: the agent is learnt
 * from an unlocked read and re-validated), checks the caller's role, the timeouts and the phase, and writes the
 * result atomically before answering; nothing lives only in memory.
 */
@Service
public class DialecticService {

    static final String SYSTEM = "system";
    static final int MAX_ROUNDS_LIMIT = 10;
    static final Set<String> DISPUTE_TYPES = Set.of("dispute", "correction", "verification");

    private final SessionRepository sessions;
    private final SessionFiles files;
    private final MetadataRepository metadata;
    private final LockManager locks;
    private final KnowledgeService knowledge;
    private final MessageSigner signer;
    private final ReviewerSelection reviewers;
    private final ResolutionEffects effects;
    private final RecordedTimes times;
    private final StoreHealth health;
    private final SessionTimeouts timeouts;
    private final Clock clock;

    public DialecticService(SessionRepository sessions, SessionFiles files, MetadataRepository metadata,
            LockManager locks, KnowledgeService knowledge, MessageSigner signer, ReviewerSelection reviewers,
            ResolutionEffects effects, RecordedTimes times, StoreHealth health, GovflowProperties properties,
            Clock clock) {
        this.sessions = sessions;
        this.files = files;
        this.metadata = metadata;
        this.locks = locks;
        this.knowledge = knowledge;
        this.signer = signer;
        this.reviewers = reviewers;
        this.effects = effects;
        this.times = times;
        this.health = health;
        this.timeouts = new SessionTimeouts(properties.dialectic());
        this.clock = clock;
    }

    // ---- creation -------------------------------------------------------------------------------------------

    public SessionCreated create(Caller caller, SessionRequest request) {
        String agentId = AgentIds.requireValid(request.agentId());
        requireSelf(caller, agentId);
        AgentRecord requester = registered(agentId);
        if (AgentStatuses.WAITING_INPUT.equals(requester.status())) {
            throw unavailable("agent_waiting_input");
        }
        int maxRounds = maxRounds(request.maxSynthesisRounds());
        String reason = DialecticRules.text("reason", request.reason(), DialecticRules.MAX_REASON);
        Reviewer reviewer = request.discoveryId() != null ? disputeReviewer(agentId, request)
                : request.reviewerAgentId() != null ? namedReviewer(agentId, request.reviewerAgentId(), reason)
                : new Reviewer(chooseReviewer(requester), null, null, reason);
        health.checkWritable();
        String createdAt = Timestamps.now(clock);
        String finalReason = reviewer.reason().isBlank() ? "Review requested by " + agentId : reviewer.reason();
        DialecticSession session = files.createNew(agentId, reviewer.agentId(), createdAt,
                id -> new DialecticSession(id, agentId, reviewer.agentId(), DialecticSession.THESIS, 0, maxRounds,
                        List.of(), null, createdAt, reviewer.discoveryId(), reviewer.disputeType(),
                        files.pausedAgentState(agentId), finalReason, Map.of()));
        if (reviewer.discoveryId() != null) {
            knowledge.markDisputed(reviewer.discoveryId());
        }
        return new SessionCreated(session.sessionId(), agentId, reviewer.agentId(), session.phase(), finalReason,
                NextSteps.afterCreation(session), createdAt, maxRounds, session.discoveryId(), session.disputeType());
    }

    private record Reviewer(String agentId, @Nullable String discoveryId, @Nullable String disputeType,
            String reason) {
    }

    private Reviewer disputeReviewer(String agentId, SessionRequest request) {
        Discovery discovery = knowledge.get(Objects.requireNonNull(request.discoveryId()));
        if (discovery.agentId().equals(agentId)) {
            throw DialecticRules.invalid("discovery_id", "is the requesting agent's own discovery");
        }
        if (request.reviewerAgentId() != null && !request.reviewerAgentId().equals(discovery.agentId())) {
            throw DialecticRules.invalid("reviewer_agent_id", "a dispute is reviewed by the discovery's owner");
        }
        if (metadata.find(discovery.agentId()).isEmpty()) {
            throw unavailable("discovery_owner_not_registered");
        }
        String type = request.disputeType() == null ? "dispute" : request.disputeType();
        if (!DISPUTE_TYPES.contains(type)) {
            throw DialecticRules.invalid("dispute_type", "must be dispute, correction or verification");
        }
        String detail = request.reason() == null || request.reason().isBlank() ? discovery.summary()
                : request.reason();
        return new Reviewer(discovery.agentId(), discovery.id(), type,
                "Dispute (" + type + ") of discovery " + discovery.id() + ": " + detail);
    }

    private Reviewer namedReviewer(String agentId, String reviewerId, String reason) {
        AgentIds.requireValid(reviewerId);
        if (reviewerId.equals(agentId)) {
            throw DialecticRules.invalid("reviewer_agent_id", "must be another agent");
        }
        AgentRecord reviewer = registered(reviewerId);
        if (!AgentStatuses.ACTIVE.equals(reviewer.status())
                && !AgentStatuses.WAITING_INPUT.equals(reviewer.status())) {
            throw unavailable("reviewer_not_active");
        }
        return new Reviewer(reviewerId, null, null, reason);
    }

    private String chooseReviewer(AgentRecord requester) {
        Set<String> busy = new HashSet<>();
        Instant now = clock.instant();
        for (DialecticSession s : sessions.list()) {
            if (!s.terminal() && expiry(s, now).isEmpty()) {
                busy.add(s.pausedAgentId());
                busy.add(s.reviewerAgentId());
            }
        }
        List<AgentRecord> agents = List.copyOf(metadata.readAll().values());
        return reviewers.choose(requester, agents, busy).orElseThrow(() -> unavailable("no_reviewer"));
    }

    // ---- moves ----------------------------------------------------------------------------------------------

    public StepOutcome thesis(Caller caller, String sessionId, Move move) {
        return step(caller, sessionId, Step.THESIS, move);
    }

    public StepOutcome antithesis(Caller caller, String sessionId, Move move) {
        return step(caller, sessionId, Step.ANTITHESIS, move);
    }

    public StepOutcome synthesis(Caller caller, String sessionId, Move move) {
        if (move.agrees() == null) {
            throw DialecticRules.invalid("agrees", "is required in a synthesis");
        }
        return step(caller, sessionId, Step.SYNTHESIS, move);
    }

    private StepOutcome step(Caller caller, String sessionId, Step step, Move move) {
        SessionIds.requireValid(sessionId);
        DialecticRules.check(move);
        DialecticSession peek = find(sessionId);
        String speaker = requireRole(caller, peek, step);
        health.checkWritable();
        boolean agentKnown = metadata.find(peek.pausedAgentId()).isPresent();
        try (LockHandle agent = agentKnown ? locks.acquire(LockKey.agent(peek.pausedAgentId())) : null;
                LockHandle session = locks.acquire(LockKey.session(sessionId))) {
            DialecticSession current = find(sessionId);
            requireRole(caller, current, step);
            if (current.terminal()) {
                throw phaseConflict(current, step);
            }
            Instant now = clock.instant();
            Optional<Expiry> expired = expiry(current, now);
            if (expired.isPresent()) {
                DialecticSession failed = fail(current, expired.get(), Timestamps.format(now));
                sessions.write(failed);
                throw GovflowException.withDetails(ErrorCode.SESSION_PHASE_CONFLICT, Map.of("session_id", sessionId,
                        "phase", failed.phase(), "reason", expired.get().code()));
            }
            if (!step.phase.equals(current.phase())) {
                throw phaseConflict(current, step);
            }
            String timestamp = Timestamps.format(now);
            return switch (step) {
                case THESIS -> advance(current, message(DialecticSession.THESIS, speaker, timestamp, move, false),
                        DialecticSession.ANTITHESIS, 0);
                case ANTITHESIS -> advance(current,
                        message(DialecticSession.ANTITHESIS, speaker, timestamp, move, true),
                        DialecticSession.SYNTHESIS, 1);
                case SYNTHESIS -> synthesize(current, message(DialecticSession.SYNTHESIS, speaker, timestamp, move,
                        false));
            };
        }
    }

    private StepOutcome advance(DialecticSession current, DialecticMessage message, String phase, int round) {
        DialecticSession next = current.append(message, phase, round);
        sessions.write(next);
        return outcome(next, signer.sign(message), null);
    }

    private StepOutcome synthesize(DialecticSession current, DialecticMessage message) {
        if (current.synthesisRound() > current.maxRounds()) {
            DialecticSession escalated = current.withPhase(DialecticSession.ESCALATED);
            sessions.write(escalated);
            return outcome(escalated, null, null);
        }
        DialecticSession proposed = current.append(message, DialecticSession.SYNTHESIS, current.synthesisRound());
        if (message.agreed() && Proposals.converged(proposed)) {
            return resolve(proposed, message);
        }
        int round = current.synthesisRound() + 1;
        String phase = round > current.maxRounds() ? DialecticSession.ESCALATED : DialecticSession.SYNTHESIS;
        DialecticSession next = current.append(message, phase, round);
        sessions.write(next);
        return outcome(next, signer.sign(message), null);
    }

    /** Merge, sign, check the hard limits; apply the effects, then record the resolution. */
    private StepOutcome resolve(DialecticSession proposed, DialecticMessage last) {
        Proposals.LatestPair pair = Objects.requireNonNull(Proposals.latestSyntheses(proposed));
        Proposals.Merged merged = Proposals.merge(pair.fromPaused(), pair.fromReviewer());
        Optional<Violation> violation = HardLimits.check(merged.conditions(), merged.rootCause());
        ObjectNode resolution = Resolutions.of(violation.isEmpty() ? "resume" : "block", merged,
                signer.sign(pair.fromPaused()), signer.sign(pair.fromReviewer()), last.timestamp(),
                violation.orElse(null));
        DialecticSession resolved = proposed.withResolution(DialecticSession.RESOLVED, resolution);
        if (violation.isEmpty()) {
            effects.resume(resolved, merged.conditions());
        } else {
            effects.block(resolved, violation.get().reason());
        }
        sessions.write(resolved);
        return outcome(resolved, signer.sign(last), resolution);
    }

    // ---- reads ----------------------------------------------------------------------------------------------

    /** The session as its file holds it and whether it has expired by now; nothing is written. */
    public SessionView get(String sessionId) {
        SessionIds.requireValid(sessionId);
        DialecticSession session = find(sessionId);
        Optional<Expiry> expired = expiry(session, clock.instant());
        return new SessionView(sessions.codec().toObject(session), expired.isPresent(),
                expired.map(Expiry::code).orElse(null));
    }

    /** Sessions the agent takes part in (either role), newest first. */
    public List<SessionSummary> listForAgent(String agentId) {
        AgentIds.requireValid(agentId);
        Instant now = clock.instant();
        return sessions.list().stream().filter(s -> s.involves(agentId))
                .sorted(Comparator.comparing(DialecticSession::createdAt).reversed())
                .map(s -> new SessionSummary(s.sessionId(), s.pausedAgentId().equals(agentId) ? "paused_agent"
                        : "reviewer", s.pausedAgentId(), s.reviewerAgentId(), s.phase(), s.synthesisRound(),
                        s.createdAt(), s.discoveryId(), s.disputeType(), Resolutions.action(s.resolution()),
                        expiry(s, now).isPresent()))
                .toList();
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    private Optional<Expiry> expiry(DialecticSession session, Instant now) {
        if (session.terminal()) {
            return Optional.empty();
        }
        return timeouts.check(session, now, times::parse, reviewerPresent(session.reviewerAgentId()));
    }

    private boolean reviewerPresent(String reviewerId) {
        if (SYSTEM.equals(reviewerId)) {
            return true;
        }
        return metadata.find(reviewerId).map(AgentRecord::status)
                .filter(s -> AgentStatuses.ACTIVE.equals(s) || AgentStatuses.WAITING_INPUT.equals(s)).isPresent();
    }

    private static DialecticSession fail(DialecticSession session, Expiry expiry, String timestamp) {
        DialecticMessage note = new DialecticMessage(session.phase(), SYSTEM, timestamp, null, null, null, "Session failed: " + expiry.reason() + ".", null, null, Map.of());
        return session.append(note, DialecticSession.FAILED, session.synthesisRound());
    }

    private DialecticSession find(String sessionId) {
        return sessions.find(sessionId).orElseThrow(() -> GovflowException.withDetails(ErrorCode.SESSION_NOT_FOUND,
                Map.of("session_id", sessionId)));
    }

    private AgentRecord registered(String agentId) {
        AgentRecord record = metadata.find(agentId).orElseThrow(() -> GovflowException.withDetails(
                ErrorCode.AGENT_NOT_FOUND, Map.of("agent_id", agentId), agentId));
        if (AgentStatuses.DELETED.equals(record.status())) {
            throw GovflowException.withDetails(ErrorCode.AGENT_DELETED, Map.of("agent_id", agentId), agentId);
        }
        return record;
    }

    /** The speaking agent: the thesis is the paused agent's, the antithesis the reviewer's, syntheses either's. */
    private static String requireRole(Caller caller, DialecticSession session, Step step) {
        String who = caller.agentId();
        boolean allowed = who != null && switch (step) {
            case THESIS -> who.equals(session.pausedAgentId());
            case ANTITHESIS -> who.equals(session.reviewerAgentId());
            case SYNTHESIS -> session.involves(who);
        };
        if (!allowed) {
            throw new GovflowException(ErrorCode.AUTHENTICATION_FAILED);
        }
        return who;
    }

    private static void requireSelf(Caller caller, String agentId) {
        if (caller.admin() || !agentId.equals(caller.agentId())) {
            throw new GovflowException(ErrorCode.AUTHENTICATION_FAILED);
        }
    }

    private static int maxRounds(@Nullable Integer requested) {
        if (requested == null) {
            return DialecticSession.DEFAULT_MAX_ROUNDS;
        }
        if (requested < 1 || requested > MAX_ROUNDS_LIMIT) {
            throw DialecticRules.invalid("max_synthesis_rounds", "must be between 1 and " + MAX_ROUNDS_LIMIT);
        }
        return requested;
    }

    private static DialecticMessage message(String phase, String agentId, String timestamp, Move move,
            boolean antithesis) {
        if (antithesis) {
            return new DialecticMessage(phase, agentId, timestamp, null,
                    move.observedMetrics() == null ? JsonNodeFactory.instance.objectNode() : move.observedMetrics(),
                    null, move.reasoning(), null, move.concerns() == null ? List.of() : move.concerns(), Map.of());
        }
        return new DialecticMessage(phase, agentId, timestamp, move.rootCause(), null,
                move.proposedConditions() == null ? List.of() : move.proposedConditions(), move.reasoning(),
                DialecticSession.SYNTHESIS.equals(phase) && move.agrees() != null
                        ? JsonNodeFactory.instance.booleanNode(move.agrees()) : null,
                null, Map.of());
    }

    private static StepOutcome outcome(DialecticSession session, @Nullable String signature,
            @Nullable ObjectNode resolution) {
        return new StepOutcome(session.sessionId(), session.phase(), session.synthesisRound(), session.maxRounds(),
                NextSteps.after(session), signature, resolution);
    }

    private static GovflowException phaseConflict(DialecticSession session, Step step) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("session_id", session.sessionId());
        details.put("phase", session.phase());
        details.put("step", step.phase);
        return GovflowException.withDetails(ErrorCode.SESSION_PHASE_CONFLICT, details);
    }

    static GovflowException unavailable(String reason) {
        return GovflowException.withDetails(ErrorCode.REVIEW_UNAVAILABLE, Map.of("reason", reason));
    }

    /** The three moves and the phase each belongs to. */
    private enum Step {
        THESIS(DialecticSession.THESIS), ANTITHESIS(DialecticSession.ANTITHESIS),
        SYNTHESIS(DialecticSession.SYNTHESIS);

        final String phase;

        Step(String phase) {
            this.phase = phase;
        }
    }
}
