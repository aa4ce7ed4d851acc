package io.govflow.flow.dialectic;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.govflow.error.GovflowException;
import io.govflow.flow.update.RecordedTimes;
import io.govflow.flow.update.UpdateFlow;
import io.govflow.store.agent.AgentRecord;
import io.govflow.store.agent.AgentStatus;

/**
 * Chooses a reviewer by authority score (reference weights): 0.40 × health + 0.30 × track record + 0.20 × domain
 * + 0.10 × freshness, then a weighted random pick. Health is 1 / (1 + e^(10 (risk − 0.35))) with the candidate's
 * <em>own</em> recent attention (mean of its last 10 updates; 0.5 when it has none). Track record is the neutral
 * 0.5 (reviews are not scored). Domain is the Jaccard of both agents' tags (0.6 when only the candidate has tags,
 * 0.5 otherwise). Freshness is 1.0 for an update within 24 h, else 0.5.
 */
@Component
class ReviewerSelection {

    static final double HEALTH_WEIGHT = 0.40;
    static final double TRACK_WEIGHT = 0.30;
    static final double DOMAIN_WEIGHT = 0.20;
    static final double FRESHNESS_WEIGHT = 0.10;
    static final double NEUTRAL = 0.5;
    private static final Duration FRESH = Duration.ofHours(24);

    private final UpdateFlow updateFlow;
    private final RecordedTimes times;
    private final Clock clock;

    ReviewerSelection(UpdateFlow updateFlow, RecordedTimes times, Clock clock) {
        this.updateFlow = updateFlow;
        this.times = times;
        this.clock = clock;
    }

    /** A reviewer among the active agents other than the requester that are not in an open session. */
    Optional<String> choose(AgentRecord requester, List<AgentRecord> agents, Set<String> busy) {
        Instant now = clock.instant();
        List<String> ids = new ArrayList<>();
        List<Double> scores = new ArrayList<>();
        for (AgentRecord candidate : agents) {
            if (candidate.agentId().equals(requester.agentId()) || busy.contains(candidate.agentId())
                    || candidate.status() != AgentStatus.ACTIVE) {
                continue;
            }
            ids.add(candidate.agentId());
            scores.add(authority(requester, candidate, recentAttention(candidate.agentId()), now));
        }
        return pick(ids, scores, () -> ThreadLocalRandom.current().nextDouble());
    }

    double authority(AgentRecord requester, AgentRecord candidate, @Nullable Double risk, Instant now) {
        double health = risk == null ? NEUTRAL : 1.0 / (1.0 + Math.exp(10.0 * (risk - 0.35)));
        return HEALTH_WEIGHT * health + TRACK_WEIGHT * NEUTRAL + DOMAIN_WEIGHT * domain(requester, candidate)
                + FRESHNESS_WEIGHT * freshness(candidate, now);
    }

    static Optional<String> pick(List<String> ids, List<Double> scores, DoubleSupplier random) {
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        double total = scores.stream().mapToDouble(Double::doubleValue).sum();
        if (total <= 0) {
            return Optional.of(ids.get((int) Math.min(ids.size() - 1, Math.floor(random.getAsDouble() * ids.size()))));
        }
        double target = random.getAsDouble() * total;
        double cumulative = 0;
        for (int i = 0; i < ids.size(); i++) {
            cumulative += scores.get(i);
            if (target < cumulative) {
                return Optional.of(ids.get(i));
            }
        }
        return Optional.of(ids.get(ids.size() - 1));
    }

    private @Nullable Double recentAttention(String agentId) {
        try {
            return updateFlow.metrics(agentId).snapshot().currentRisk();
        } catch (GovflowException unreadable) {
            return null;
        }
    }

    private static double domain(AgentRecord requester, AgentRecord candidate) {
        Set<String> own = new HashSet<>(requester.tags());
        Set<String> theirs = new HashSet<>(candidate.tags());
        if (!own.isEmpty() && !theirs.isEmpty()) {
            Set<String> union = new HashSet<>(own);
            union.addAll(theirs);
            own.retainAll(theirs);
            return (double) own.size() / union.size();
        }
        return theirs.isEmpty() ? NEUTRAL : 0.6;
    }

    private double freshness(AgentRecord candidate, Instant now) {
        return times.parse(candidate.lastUpdate())
                .filter(at -> Duration.between(at, now).compareTo(FRESH) < 0)
                .map(at -> 1.0).orElse(NEUTRAL);
    }
}
