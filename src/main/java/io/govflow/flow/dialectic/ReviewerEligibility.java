package io.govflow.flow.dialectic;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.govflow.config.GovflowProperties;
import io.govflow.engine.MetricsSnapshot;
import io.govflow.engine.Thresholds;
import io.govflow.error.GovflowException;
import io.govflow.flow.update.CurrentThresholds;
import io.govflow.flow.update.RecordedTimes;
import io.govflow.flow.update.UpdateFlow;
import io.govflow.store.agent.AgentRecord;
import io.govflow.store.agent.AgentStatus;

/**
 * Who may review a requester, chosen or named: an active agent, not the requester's parent or child, registered at
 * least {@code govflow.dialectic.reviewer-min-age} ago and with at least {@code …reviewer-min-updates} updates,
 * not registered after the requester's pause, and healthy by its own metrics (it would pass the resume safety
 * check itself). A fresh second identity of a paused agent fails these rules.
 */
@Component
class ReviewerEligibility {

    private final Duration minAge;
    private final int minUpdates;
    private final UpdateFlow updateFlow;
    private final CurrentThresholds thresholds;
    private final RecordedTimes times;
    private final Clock clock;

    ReviewerEligibility(GovflowProperties properties, UpdateFlow updateFlow, CurrentThresholds thresholds,
            RecordedTimes times, Clock clock) {
        this.minAge = properties.dialectic().reviewerMinAge();
        this.minUpdates = properties.dialectic().reviewerMinUpdates();
        this.updateFlow = updateFlow;
        this.thresholds = thresholds;
        this.times = times;
        this.clock = clock;
    }

    /** Why the candidate may not review the requester, or empty when it may. */
    Optional<String> refusal(AgentRecord requester, AgentRecord candidate) {
        if (candidate.status() != AgentStatus.ACTIVE) {
            return Optional.of("reviewer_not_active");
        }
        if (related(requester, candidate)) {
            return Optional.of("reviewer_is_related");
        }
        Optional<String> standing = standing(candidate);
        if (standing.isPresent()) {
            return standing;
        }
        if (registeredAfterPause(requester, candidate)) {
            return Optional.of("reviewer_registered_after_pause");
        }
        return healthy(candidate.agentId()) ? Optional.empty() : Optional.of("reviewer_not_healthy");
    }

    /** Whether the agent is established: old enough and with enough updates (also asked of a disputer). */
    Optional<String> standing(AgentRecord agent) {
        Instant created = times.parse(agent.createdAt()).orElse(Instant.MAX);
        if (created.isAfter(clock.instant().minus(minAge))) {
            return Optional.of("reviewer_too_new");
        }
        if (agent.totalUpdates() < minUpdates) {
            return Optional.of("reviewer_too_few_updates");
        }
        return Optional.empty();
    }

    private static boolean related(AgentRecord requester, AgentRecord candidate) {
        return requester.agentId().equals(candidate.parentAgentId())
                || candidate.agentId().equals(requester.parentAgentId());
    }

    private boolean registeredAfterPause(AgentRecord requester, AgentRecord candidate) {
        @Nullable String pausedAt = requester.pausedAt();
        if (pausedAt == null) {
            return false;
        }
        Optional<Instant> paused = times.parse(pausedAt);
        Optional<Instant> created = times.parse(candidate.createdAt());
        // an unreadable timestamp cannot prove the reviewer predates the pause
        return paused.isEmpty() || created.isEmpty() || !created.get().isBefore(paused.get());
    }

    private boolean healthy(String agentId) {
        MetricsSnapshot m;
        try {
            m = updateFlow.metrics(agentId).snapshot();
        } catch (GovflowException unreadable) {
            return false;
        }
        Thresholds t = Objects.requireNonNull(thresholds.current());
        return m.coherence() > t.coherenceCritical() && m.meanRisk() < t.riskRevise() && !m.voidActive();
    }
}
