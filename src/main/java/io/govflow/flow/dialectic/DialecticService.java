package io.govflow.flow.dialectic;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import io.govflow.error.ErrorCode;
import io.govflow.error.GovflowException;
import io.govflow.flow.agent.AgentIds;
import io.govflow.flow.auth.Caller;
import io.govflow.flow.dialectic.HardLimits.Violation;
import io.govflow.flow.dialectic.SessionTimeouts.Expiry;
import io.govflow.store.dialectic.DialecticMessage;
import io.govflow.store.dialectic.DialecticSession;
import io.govflow.store.dialectic.SessionStore;
import io.govflow.store.io.LockHandle;
import io.govflow.store.io.LockKey;
import io.govflow.store.io.LockManager;
import io.govflow.store.io.StoreHealth;
import io.govflow.store.io.Timestamps;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The review protocol. Every step reads the session file under its lock (agent lock first: the agent is learnt
 * from an unlocked read and re-validated), checks the caller's role, the timeouts and the phase, and writes the
 * result atomically before answering; nothing lives only in memory.
 */
@Service
public class DialecticService {

    private final SessionStore sessions;
    private final LockManager locks;
    private final MessageSigner signer;
    private final SessionSignatures signatures;
    private final ResolutionEffects effects;
    private final SessionExpiry expiry;
    private final ReviewAgents agents;
    private final StoreHealth health;
    private final Clock clock;

    public DialecticService(SessionStore sessions, LockManager locks, MessageSigner signer,
            ResolutionEffects effects, SessionExpiry expiry, ReviewAgents agents, StoreHealth health, Clock clock) {
        this.sessions = sessions;
        this.locks = locks;
        this.signer = signer;
        this.signatures = new SessionSignatures(signer);
        this.effects = effects;
        this.expiry = expiry;
        this.agents = agents;
        this.health = health;
        this.clock = clock;
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
        boolean agentKnown = agents.isRegistered(peek.pausedAgentId());
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
                case THESIS -> advance(current, signer.signed(message(DialecticSession.THESIS, speaker, timestamp,
                        move, false)), DialecticSession.ANTITHESIS, 0);
                case ANTITHESIS -> advance(current, signer.signed(message(DialecticSession.ANTITHESIS, speaker,
                        timestamp, move, true)), DialecticSession.SYNTHESIS, 1);
                case SYNTHESIS -> synthesize(current, signer.signed(message(DialecticSession.SYNTHESIS, speaker,
                        timestamp, move, false)));
            };
        }
    }

    private StepOutcome advance(DialecticSession current, DialecticMessage message, String phase, int round) {
        DialecticSession next = current.append(message, phase, round);
        sessions.write(next);
        return outcome(next, message.signature(), null);
    }

    private StepOutcome synthesize(DialecticSession current, DialecticMessage message) {
        if (current.synthesisRound() > current.maxRounds()) {
            DialecticSession escalated = current.withPhase(DialecticSession.ESCALATED);
            sessions.write(escalated);
            return outcome(escalated, null, null);
        }
        DialecticSession proposed = current.append(message, DialecticSession.SYNTHESIS, current.synthesisRound());
        if (message.agreed() && Proposals.converged(proposed)) {
            signatures.requireNoneInvalid(current);
            return resolve(proposed, message);
        }
        int round = current.synthesisRound() + 1;
        String phase = round > current.maxRounds() ? DialecticSession.ESCALATED : DialecticSession.SYNTHESIS;
        DialecticSession next = current.append(message, phase, round);
        sessions.write(next);
        return outcome(next, message.signature(), null);
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
            resumeOrFail(proposed, resolved, merged);
        } else {
            effects.block(resolved, violation.get().reason());
        }
        sessions.write(resolved);
        return outcome(resolved, last.signature(), resolution);
    }

    /** The resume effect; an agent whose metrics are not safe leaves the session failed and the step refused. */
    private void resumeOrFail(DialecticSession proposed, DialecticSession resolved, Proposals.Merged merged) {
        try {
            effects.resume(resolved, merged.conditions());
        } catch (GovflowException e) {
            if (e.code() != ErrorCode.UNSAFE_RESUME) {
                throw e;
            }
            DialecticMessage note = new DialecticMessage(DialecticSession.SYNTHESIS, ReviewAgents.SYSTEM,
                    Timestamps.now(clock), null, null, null, "Agreement reached, but the agent's metrics are not "
                    + "safe to resume; only the admin can resume it now.", null, null, Map.of());
            DialecticSession failed = proposed.append(note, DialecticSession.FAILED, proposed.synthesisRound());
            sessions.write(failed);
            Map<String, Object> details = new LinkedHashMap<>(e.details());
            details.put("session_id", failed.sessionId());
            throw GovflowException.withDetails(ErrorCode.UNSAFE_RESUME, details, proposed.pausedAgentId());
        }
    }

    // ---- reads ----------------------------------------------------------------------------------------------

    /**
     * The session as its file holds it, whether it has expired by now and each message's signature check;
     * nothing is written.
     */
    public SessionView get(String sessionId) {
        SessionIds.requireValid(sessionId);
        DialecticSession session = find(sessionId);
        Optional<Expiry> expired = expiry(session, clock.instant());
        List<SessionSignatures.Checked> checked = signatures.check(session);
        return new SessionView(sessions.codec().toObject(session), expired.isPresent(),
                expired.map(Expiry::code).orElse(null), checked, SessionSignatures.warnings(checked));
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
        return expiry.check(session, now);
    }

    private DialecticSession fail(DialecticSession session, Expiry why, String timestamp) {
        DialecticMessage note = signer.signed(new DialecticMessage(session.phase(), ReviewAgents.SYSTEM, timestamp,
                null, null, null, "Session failed: " + why.reason() + ".", null, null, Map.of()));
        return session.append(note, DialecticSession.FAILED, session.synthesisRound());
    }

    private DialecticSession find(String sessionId) {
        return sessions.find(sessionId).orElseThrow(() -> GovflowException.withDetails(ErrorCode.SESSION_NOT_FOUND,
                Map.of("session_id", sessionId)));
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
