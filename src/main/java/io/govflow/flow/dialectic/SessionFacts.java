package io.govflow.flow.dialectic;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.govflow.store.dialectic.DialecticMessage;
import io.govflow.store.dialectic.DialecticSession;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One session seen from one of its agents, for {@code governance.dialectic}. Resolutions are read in every shape
 * the files hold: ours ({@code action, conditions, timestamp}) and the reference's manual one ({@code outcome,
 * final_conditions, resolved_at}).
 *
 * @param expiredBy the expiry code when the open session has run out of time by now (not yet recorded)
 */
record SessionFacts(DialecticSession session, String agentId, @Nullable String expiredBy) {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> SIGNATURES = List.of("signature_a", "signature_b");

    static SessionFacts of(DialecticSession session, String agentId, @Nullable String expiredBy) {
        return new SessionFacts(session, agentId, expiredBy);
    }

    boolean pausedAgent() {
        return session.pausedAgentId().equals(agentId);
    }

    String role() {
        return pausedAgent() ? "paused_agent" : "reviewer";
    }

    String counterpart() {
        return pausedAgent() ? session.reviewerAgentId() : session.pausedAgentId();
    }

    /** Whether the next move of this open, unexpired session can be the agent's. */
    boolean yourTurn() {
        if (session.terminal() || expiredBy != null) {
            return false;
        }
        return switch (session.phase()) {
            case DialecticSession.THESIS -> pausedAgent();
            case DialecticSession.ANTITHESIS -> session.reviewerAgentId().equals(agentId);
            case DialecticSession.SYNTHESIS -> true;
            default -> false;
        };
    }

    String lastActivity() {
        List<DialecticMessage> transcript = session.transcript();
        return transcript.isEmpty() ? session.createdAt() : transcript.get(transcript.size() - 1).timestamp();
    }

    @Nullable ObjectNode resolution() {
        return session.resolution();
    }

    @Nullable String action() {
        return text(resolution(), "action", "outcome");
    }

    String resolvedAt() {
        String at = text(resolution(), "timestamp", "resolved_at");
        return at == null ? lastActivity() : at;
    }

    List<String> conditions() {
        ObjectNode resolution = resolution();
        JsonNode list = resolution == null ? null : first(resolution, "conditions", "final_conditions");
        List<String> out = new ArrayList<>();
        if (list != null && list.isArray()) {
            list.forEach(item -> {
                if (item.isString()) {
                    out.add(item.stringValue());
                }
            });
        }
        return out;
    }

    ObjectNode openJson(String nextStep) {
        ObjectNode o = brief();
        o.put("synthesis_round", session.synthesisRound());
        o.put("max_synthesis_rounds", session.maxRounds());
        o.put("last_activity", lastActivity());
        o.put("reason", session.reason() == null ? null
                : DialecticContextSource.cut(session.reason(), DialecticContextSource.TEXT_CHARS));
        o.put("discovery_id", session.discoveryId());
        o.put("dispute_type", session.disputeType());
        o.put("your_turn", yourTurn());
        o.put("expired", expiredBy != null);
        o.put("expiry_reason", expiredBy);
        o.put("next_step", nextStep);
        return o;
    }

    /** The resolution as found (signatures left out: they prove nothing to a reader without the secret). */
    ObjectNode resolutionJson() {
        ObjectNode o = brief();
        o.put("action", action());
        conditionsArray(o.putArray("conditions"));
        o.put("root_cause", text(resolution(), "root_cause"));
        o.put("ts", resolvedAt());
        ObjectNode tree = resolution() == null ? NODES.objectNode() : resolution().deepCopy();
        tree.remove(SIGNATURES);
        o.set("resolution", tree);
        return o;
    }

    /** The conditions the agent was resumed under. */
    ObjectNode conditionsJson() {
        ObjectNode o = NODES.objectNode();
        o.put("session_id", session.sessionId());
        o.put("ts", resolvedAt());
        conditionsArray(o.putArray("conditions"));
        return o;
    }

    ObjectNode recentJson() {
        ObjectNode o = brief();
        o.put("action", action());
        o.put("ended_at", resolvedAt());
        return o;
    }

    private ObjectNode brief() {
        ObjectNode o = NODES.objectNode();
        o.put("session_id", session.sessionId());
        o.put("role", role());
        o.put("counterpart", counterpart());
        o.put("phase", session.phase());
        o.put("created_at", session.createdAt());
        return o;
    }

    private void conditionsArray(ArrayNode out) {
        conditions().forEach(c -> out.add(DialecticContextSource.cut(c, DialecticContextSource.TEXT_CHARS)));
    }

    private static @Nullable String text(@Nullable ObjectNode object, String... names) {
        JsonNode value = object == null ? null : first(object, names);
        return value != null && value.isString() ? value.stringValue() : null;
    }

    private static @Nullable JsonNode first(ObjectNode object, String... names) {
        for (String name : names) {
            JsonNode value = object.get(name);
            if (value != null && !value.isNull()) {
                return value;
            }
        }
        return null;
    }
}
