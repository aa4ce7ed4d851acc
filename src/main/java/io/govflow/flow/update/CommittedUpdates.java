package io.govflow.flow.update;

import io.govflow.engine.Decision;
import io.govflow.engine.DecisionPolicy;
import io.govflow.engine.GovernanceState;
import io.govflow.engine.HealthStatus;
import io.govflow.engine.SamplingParams;
import io.govflow.engine.Thresholds;
import io.govflow.engine.UpdateMetrics;
import io.govflow.engine.UpdateResult;
import io.govflow.store.agent.AgentStatus;
import io.govflow.store.agent.LoggedThresholds;
import io.govflow.store.agent.UpdateLogEntry;
import org.jspecify.annotations.Nullable;

/**
 * The two directions between an engine result and its update-log line. Every number of the response is in
 * the line and every text is a function of them, so the response can always be rebuilt from the line.
 */
final class CommittedUpdates {

    private static final int CONTROLLER_PERIOD = 5;
    private static final double CONTROLLER_MIN_CONFIDENCE = 0.8;

    private CommittedUpdates() {
    }

    /**
     * @param agentStatus the lifecycle status the update sets, null when it leaves it as it is
     * @param thresholds  the thresholds the update is decided with (recorded only when not the defaults)
     */
    static UpdateLogEntry toEntry(UpdateResult result, GovernanceState after, UpdateCommand command, String timestamp,
            @Nullable AgentStatus agentStatus, Thresholds thresholds, @Nullable String idempotencyKey) {
        UpdateMetrics m = result.metrics();
        return new UpdateLogEntry(after.updateCount(), timestamp, m.e(), m.i(), m.s(), m.v(), m.coherence(),
                m.attentionScore(), result.decision().action(), result.lambda1Before(), m.lambda1(), m.phi(),
                m.verdict(), m.voidActive(), result.status(), command.confidence(), command.complexity(),
                after.eta1(), after.c1(), after.piIntegral(), after.time(), after.lambda1UpdateSkips(), agentStatus,
                logged(thresholds), idempotencyKey, idempotencyKey == null ? null : command.requestHash());
    }

    /** The thresholds a committed update was decided with: those in its line, else the defaults. */
    static Thresholds decidedWith(UpdateLogEntry entry) {
        LoggedThresholds t = entry.thresholds();
        return t == null ? Thresholds.DEFAULTS
                : new Thresholds(t.riskApprove(), t.riskRevise(), t.coherenceCritical(), t.voidThresholdInitial());
    }

    private static @Nullable LoggedThresholds logged(Thresholds t) {
        return t.equals(Thresholds.DEFAULTS) ? null
                : new LoggedThresholds(t.riskApprove(), t.riskRevise(), t.coherenceCritical(), t.voidThresholdInitial());
    }

    static UpdateOutcome toOutcome(String agentId, UpdateLogEntry entry, Thresholds thresholds, boolean simulation) {
        Decision decision = DecisionPolicy.decide(entry.verdict(), entry.attentionScore(), entry.voidActive(),
                entry.coherence(), thresholds);
        String health = HealthStatus.status(entry.attentionScore(), entry.voidActive(), thresholds);
        boolean skipped = entry.seq() % CONTROLLER_PERIOD == 0 && entry.confidence() < CONTROLLER_MIN_CONFIDENCE;
        UpdateMetrics metrics = new UpdateMetrics(entry.E(), entry.I(), entry.S(), entry.V(), entry.coherence(),
                entry.lambda1After(), entry.attentionScore(), entry.phi(), entry.verdict(), entry.voidActive(),
                entry.time(), entry.seq(), entry.confidence(), skipped, entry.lambda1UpdateSkips(), health,
                HealthStatus.message(health, entry.attentionScore()));
        return new UpdateOutcome(agentId, entry.status(), decision, metrics, SamplingParams.of(entry.lambda1After()),
                entry.ts(), simulation, null);
    }
}
