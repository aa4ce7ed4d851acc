package io.govflow.flow.dialectic;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import io.govflow.engine.MetricsSnapshot;
import io.govflow.error.ErrorCode;
import io.govflow.error.GovflowException;
import io.govflow.flow.agent.AgentLifecycle;
import io.govflow.flow.dialectic.HardLimits.Violation;
import io.govflow.flow.update.EffectiveRecords;
import io.govflow.flow.update.UpdateFlow;
import io.govflow.store.agent.AgentRecord;
import io.govflow.store.agent.AgentStatus;
import io.govflow.store.agent.LegacyStatus;
import io.govflow.store.agent.MetadataStore;
import io.govflow.store.agent.StoredStatus;
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
 * Self-recovery without a peer: the agent's thesis meets a system antithesis built from its metrics (concerns when
 * coherence is below 0.50, mean attention above 0.50, a void is active, or nothing was proposed); the merged
 * conditions must pass the hard limits' content checks and the agent the resume safety checks (coherence, mean
 * attention, no void). Every attempt is recorded as a session file with reviewer {@code system}: resolved when the
 * agent resumed, failed (and the request refused) otherwise.
 */
@Service
public class SelfRecovery {

    static final Set<StoredStatus> RECOVERABLE = Set.of(AgentStatus.PAUSED, AgentStatus.WAITING_INPUT,
            LegacyStatus.MODERATE, LegacyStatus.DEGRADED);
    static final double CONCERN_COHERENCE = 0.50;
    static final double CONCERN_ATTENTION = 0.50;

    private final SessionFiles files;
    private final SessionStore sessions;
    private final MetadataStore metadata;
    private final LockManager locks;
    private final UpdateFlow updateFlow;
    private final AgentLifecycle lifecycle;
    private final MessageSigner signer;
    private final StoreHealth health;
    private final Clock clock;
    private final EffectiveRecords effectiveRecords;

    public SelfRecovery(SessionFiles files, SessionStore sessions, MetadataStore metadata,
            LockManager locks, UpdateFlow updateFlow, AgentLifecycle lifecycle, MessageSigner signer,
            StoreHealth health, Clock clock, EffectiveRecords effectiveRecords) {
        this.effectiveRecords = effectiveRecords;
        this.files = files;
        this.sessions = sessions;
        this.metadata = metadata;
        this.locks = locks;
        this.updateFlow = updateFlow;
        this.lifecycle = lifecycle;
        this.signer = signer;
        this.health = health;
        this.clock = clock;
    }

    public RecoveryOutcome recover(String agentId, Move thesisMove) {
        DialecticRules.check(thesisMove);
        health.checkWritable();
        try (LockHandle ignored = locks.acquire(LockKey.agent(agentId))) {
            // a pause an update committed counts even while the metadata checkpoint lags behind the log
            AgentRecord record = metadata.find(agentId).map(effectiveRecords::effective).orElseThrow(() -> GovflowException.withDetails(
                    ErrorCode.AGENT_NOT_FOUND, Map.of("agent_id", agentId), agentId));
            if (!RECOVERABLE.contains(record.status())) {
                throw ReviewAgents.unavailable(record.status() == AgentStatus.DELETED ? "agent_deleted"
                        : "agent_not_paused");
            }
            MetricsSnapshot m = updateFlow.metrics(agentId).snapshot();
            String now = Timestamps.now(clock);
            DialecticMessage thesis = new DialecticMessage(DialecticSession.THESIS, agentId, now,
                    thesisMove.rootCause(), null, conditionsOf(thesisMove), thesisMove.reasoning(), null, null,
                    Map.of());
            List<String> concerns = concerns(m, thesis.conditions());
            DialecticMessage antithesis = new DialecticMessage(DialecticSession.ANTITHESIS,
                    ReviewAgents.SYSTEM, now, null, observed(m), null, analysis(m, concerns), null, concerns,
                    Map.of());
            Proposals.Merged merged = new Proposals.Merged(merge(thesis.conditions(), concerns),
                    thesis.rootCause() == null ? "" : thesis.rootCause(),
                    "Agent A: " + (thesis.reasoning() == null ? "" : thesis.reasoning()) + "\nSystem: "
                            + antithesis.reasoning());
            return decide(record, m, thesis, antithesis, merged, now);
        }
    }

    private RecoveryOutcome decide(AgentRecord record, MetricsSnapshot m, DialecticMessage thesis,
            DialecticMessage antithesis, Proposals.Merged merged, String now) {
        String agentId = record.agentId();
        Optional<Violation> violation = HardLimits.checkContent(merged.conditions());
        if (violation.isPresent()) {
            DialecticSession failed = record(agentId, thesis, antithesis, null, now, violation.get().reason());
            throw refused(ErrorCode.HARD_LIMIT_VIOLATION, Map.of("rule", violation.get().rule(),
                    "reason", violation.get().reason()), failed, agentId);
        }
        ObjectNode resolution = Resolutions.of("resume", merged, signer.sign(thesis), signer.sign(antithesis), now,
                null);
        AgentRecord resumed;
        try {
            resumed = lifecycle.resume(agentId, "Self-recovery", merged.conditions(), true);
        } catch (GovflowException e) {
            if (e.code() != ErrorCode.UNSAFE_RESUME) {
                throw e;
            }
            DialecticSession failed = record(agentId, thesis, antithesis, null, now,
                    "the agent's metrics are not safe to resume");
            throw refused(ErrorCode.UNSAFE_RESUME, e.details(), failed, agentId);
        }
        DialecticSession resolved = record(agentId, thesis, antithesis, resolution, now, null);
        return new RecoveryOutcome(agentId, resolved.sessionId(), resumed.status().word(), sessions.codec().toObject(thesis),
                sessions.codec().toObject(antithesis), resolution, observed(m),
                "Resumed by self-recovery; follow the conditions. Nothing enforces them but your next updates.");
    }

    /** Writes the attempt as a session: resolved with the resolution, or failed with a system note. */
    private DialecticSession record(String agentId, DialecticMessage thesis, DialecticMessage antithesis,
            @Nullable ObjectNode resolution, String now, @Nullable String failure) {
        List<DialecticMessage> transcript = new ArrayList<>(List.of(signer.signed(thesis), signer.signed(antithesis)));
        if (failure != null) {
            transcript.add(signer.signed(new DialecticMessage(DialecticSession.ANTITHESIS, ReviewAgents.SYSTEM, now,
                    null, null, null, "Self-recovery refused: " + failure + ".", null, null, Map.of())));
        }
        String phase = resolution != null ? DialecticSession.RESOLVED : DialecticSession.FAILED;
        return files.createNew(agentId, ReviewAgents.SYSTEM, now, id -> new DialecticSession(id, agentId,
                ReviewAgents.SYSTEM, phase, 0, null, transcript, resolution, now, null, null,
                files.pausedAgentState(agentId), "Self-recovery requested by " + agentId,
                Map.of("session_type", JsonNodeFactory.instance.stringNode("self_recovery"))));
    }

    static List<String> concerns(MetricsSnapshot m, List<String> proposed) {
        List<String> concerns = new ArrayList<>();
        if (m.coherence() < CONCERN_COHERENCE) {
            concerns.add(String.format(Locale.ROOT, "Coherence %.3f is below %.2f", m.coherence(),
                    CONCERN_COHERENCE));
        }
        if (m.meanRisk() > CONCERN_ATTENTION) {
            concerns.add(String.format(Locale.ROOT, "Mean attention (risk) score %.3f is above %.2f", m.meanRisk(),
                    CONCERN_ATTENTION));
        }
        if (m.voidActive()) {
            concerns.add("A void is active: energy and information integrity are out of balance");
        }
        if (proposed.isEmpty()) {
            concerns.add("No conditions were proposed");
        }
        return concerns;
    }

    /** The thesis conditions, plus monitoring of what the system was concerned about. */
    static List<String> merge(List<String> proposed, List<String> concerns) {
        List<String> merged = new ArrayList<>(proposed);
        String all = String.join(" ", concerns).toLowerCase(Locale.ROOT);
        if (all.contains("coherence") && !merged.contains("Monitor coherence closely")) {
            merged.add("Monitor coherence closely");
        }
        if (all.contains("risk") && !merged.contains("Monitor risk score")) {
            merged.add("Monitor risk score");
        }
        return merged;
    }

    private static ObjectNode observed(MetricsSnapshot m) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("coherence", m.coherence());
        o.put("attention_score", m.meanRisk());
        o.put("void_active", m.voidActive());
        return o;
    }

    private static String analysis(MetricsSnapshot m, List<String> concerns) {
        return String.format(Locale.ROOT, "System analysis: coherence %.3f, mean attention %.3f, void %s. %s",
                m.coherence(), m.meanRisk(), m.voidActive() ? "active" : "inactive",
                concerns.isEmpty() ? "No concerns." : "Concerns: " + String.join("; ", concerns) + ".");
    }

    private static List<String> conditionsOf(Move move) {
        return move.proposedConditions() == null ? List.of() : move.proposedConditions();
    }

    private static GovflowException refused(ErrorCode code, Map<String, Object> details, DialecticSession session,
            String agentId) {
        Map<String, Object> all = new LinkedHashMap<>(details);
        all.put("session_id", session.sessionId());
        return GovflowException.withDetails(code, all, agentId);
    }
}
