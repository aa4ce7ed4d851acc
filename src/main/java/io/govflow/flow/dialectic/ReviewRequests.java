package io.govflow.flow.dialectic;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import io.govflow.error.ErrorCode;
import io.govflow.error.GovflowException;
import io.govflow.flow.agent.AgentIds;
import io.govflow.flow.auth.Caller;
import io.govflow.flow.knowledge.KnowledgeService;
import io.govflow.flow.update.EffectiveRecords;
import io.govflow.store.agent.AgentRecord;
import io.govflow.store.agent.AgentStatus;
import io.govflow.store.agent.MetadataStore;
import io.govflow.store.dialectic.DialecticSession;
import io.govflow.store.dialectic.SessionStore;
import io.govflow.store.io.StoreHealth;
import io.govflow.store.io.Timestamps;
import io.govflow.store.knowledge.Discovery;

/**
 * Opening a review: the requester (by its own key) gets a session in phase {@code thesis} with the named reviewer,
 * the disputed discovery's owner, or one chosen by authority score among the active agents not in an open session.
 * The session file is written before the answer; a disputed discovery becomes {@code disputed}.
 */
@Service
public class ReviewRequests {

    static final int MAX_ROUNDS_LIMIT = 10;
    static final Set<String> DISPUTE_TYPES = Set.of("dispute", "correction", "verification");

    private final SessionStore sessions;
    private final SessionFiles files;
    private final SessionExpiry expiry;
    private final ReviewAgents agents;
    private final MetadataStore metadata;
    private final KnowledgeService knowledge;
    private final ReviewerSelection reviewers;
    private final StoreHealth health;
    private final Clock clock;
    private final EffectiveRecords effectiveRecords;
    private final ReviewerEligibility eligibility;

    public ReviewRequests(SessionStore sessions, SessionFiles files, SessionExpiry expiry, ReviewAgents agents,
            MetadataStore metadata, KnowledgeService knowledge, ReviewerSelection reviewers, StoreHealth health,
            Clock clock, EffectiveRecords effectiveRecords, ReviewerEligibility eligibility) {
        this.effectiveRecords = effectiveRecords;
        this.eligibility = eligibility;
        this.sessions = sessions;
        this.files = files;
        this.expiry = expiry;
        this.agents = agents;
        this.metadata = metadata;
        this.knowledge = knowledge;
        this.reviewers = reviewers;
        this.health = health;
        this.clock = clock;
    }

    public SessionCreated create(Caller caller, SessionRequest request) {
        String agentId = AgentIds.requireValid(request.agentId());
        if (caller.admin() || !agentId.equals(caller.agentId())) {
            throw new GovflowException(ErrorCode.AUTHENTICATION_FAILED);
        }
        AgentRecord requester = agents.registered(agentId);
        if (requester.status() == AgentStatus.WAITING_INPUT) {
            throw ReviewAgents.unavailable("agent_waiting_input");
        }
        int maxRounds = maxRounds(request.maxSynthesisRounds());
        String reason = DialecticRules.text("reason", request.reason(), DialecticRules.MAX_REASON);
        Reviewer reviewer = request.discoveryId() != null ? disputeReviewer(agentId, request)
                : request.reviewerAgentId() != null ? namedReviewer(requester, request.reviewerAgentId(), reason)
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
        if (!agents.isRegistered(discovery.agentId())) {
            throw ReviewAgents.unavailable("discovery_owner_not_registered");
        }
        if (!knowledge.hasStake(agentId, discovery)) {
            throw ReviewAgents.unavailable("no_stake_in_discovery");
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

    private Reviewer namedReviewer(AgentRecord requester, String reviewerId, String reason) {
        AgentIds.requireValid(reviewerId);
        if (reviewerId.equals(requester.agentId())) {
            throw DialecticRules.invalid("reviewer_agent_id", "must be another agent");
        }
        AgentRecord reviewer = agents.registered(reviewerId);
        eligibility.refusal(requester, reviewer).ifPresent(why -> {
            throw ReviewAgents.unavailable(why);
        });
        return new Reviewer(reviewerId, null, null, reason);
    }

    private String chooseReviewer(AgentRecord requester) {
        Set<String> busy = new HashSet<>();
        Instant now = clock.instant();
        for (DialecticSession s : sessions.list()) {
            if (!s.terminal() && expiry.check(s, now).isEmpty()) {
                busy.add(s.pausedAgentId());
                busy.add(s.reviewerAgentId());
            }
        }
        List<AgentRecord> all = metadata.readAll().values().stream().map(effectiveRecords::forFleetView).toList();
        Set<String> ineligible = new HashSet<>(busy);
        all.stream().filter(c -> !busy.contains(c.agentId()) && !c.agentId().equals(requester.agentId()))
                .filter(c -> eligibility.refusal(requester, c).isPresent())
                .forEach(c -> ineligible.add(c.agentId()));
        return reviewers.choose(requester, all, ineligible).orElseThrow(() -> ReviewAgents.unavailable("no_reviewer"));
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
}
