package io.govflow.flow.context;

import java.util.List;

import org.springframework.stereotype.Component;

import io.govflow.engine.HealthStatus;
import io.govflow.engine.MetricsSnapshot;
import io.govflow.flow.update.CurrentThresholds;
import io.govflow.flow.update.UpdateFlow;
import io.govflow.store.agent.UpdateLogEntry;
import io.govflow.store.agent.UpdateLogStore;
import io.govflow.store.context.ManifestEntry.Related;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code governance.state}: the agent's current EISV, decision, verdict, health, attention, λ1, sampling
 * suggestions and last {@value #RECENT} decisions, from the same metrics the API serves. Fresh while the update
 * log's last seq is the one recorded in {@code d.as_of}.
 */
@Component
class GovernanceStateSource implements ContextSource {

    static final int RECENT = 10;

    private final UpdateFlow updateFlow;
    private final UpdateLogStore updateLog;
    private final CurrentThresholds thresholds;

    GovernanceStateSource(UpdateFlow updateFlow, UpdateLogStore updateLog, CurrentThresholds thresholds) {
        this.updateFlow = updateFlow;
        this.updateLog = updateLog;
        this.thresholds = thresholds;
    }

    @Override
    public String type() {
        return ContextTypes.STATE;
    }

    @Override
    public JsonNode asOf(String agentId) {
        return LogStamp.of(updateLog, agentId);
    }

    @Override
    public Derived derive(String agentId) {
        ObjectNode asOf = LogStamp.of(updateLog, agentId);
        MetricsSnapshot m = updateFlow.metrics(agentId).snapshot();
        List<UpdateLogEntry> recent = updateLog.readTail(agentId, RECENT);
        String decision = recent.isEmpty() ? null : recent.get(recent.size() - 1).decision();
        String health = HealthStatus.status(m.attentionScore(), m.voidActive(), thresholds.current());

        ObjectNode d = JsonBits.object();
        d.set("as_of", asOf);
        d.put("update_count", m.updateCount());
        d.putObject("eisv").put("E", m.e()).put("I", m.i()).put("S", m.s()).put("V", m.v());
        d.put("coherence", m.coherence());
        d.put("lambda1", m.lambda1());
        d.put("void_active", m.voidActive());
        d.put("decision", decision);
        d.put("verdict", m.verdict());
        d.put("status", m.status());
        d.putObject("health").put("status", health).put("message", HealthStatus.message(health,
                m.attentionScore()));
        d.putObject("attention").put("score", m.attentionScore()).put("current", m.currentRisk())
                .put("mean", m.meanRisk());
        d.put("phi", m.phi());
        d.putObject("sampling").put("temperature", m.samplingParams().temperature())
                .put("top_p", m.samplingParams().topP()).put("max_tokens", m.samplingParams().maxTokens());
        d.putObject("decision_counts").put("proceed", m.proceedCount()).put("pause", m.pauseCount());
        ArrayNode decisions = d.putArray("recent_decisions");
        for (UpdateLogEntry entry : recent) {
            decisions.addObject().put("seq", entry.seq()).put("ts", entry.ts()).put("decision", entry.decision())
                    .put("verdict", entry.verdict()).put("attention_score", entry.attentionScore())
                    .put("coherence", entry.coherence());
        }

        ObjectNode s = JsonBits.object();
        s.put("decision", decision);
        s.put("verdict", m.verdict());
        s.put("health", health);
        s.put("attention_score", m.attentionScore());
        s.put("coherence", m.coherence());
        s.put("lambda1", m.lambda1());
        s.put("void_active", m.voidActive());
        s.put("updates", m.updateCount());
        return new Derived("govflow.update", d, s, List.of("decision", "attention", "coherence", "health",
                "sampling"), List.of(new Related(ContextTypes.HISTORY, "companion")));
    }
}
