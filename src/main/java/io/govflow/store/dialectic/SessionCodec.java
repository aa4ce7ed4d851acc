package io.govflow.store.dialectic;

import static io.govflow.store.io.JsonFields.array;
import static io.govflow.store.io.JsonFields.integer;
import static io.govflow.store.io.JsonFields.putNullable;
import static io.govflow.store.io.JsonFields.putStrings;
import static io.govflow.store.io.JsonFields.putUnknown;
import static io.govflow.store.io.JsonFields.requiredString;
import static io.govflow.store.io.JsonFields.unknownFields;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.govflow.store.io.FileFormatException;
import io.govflow.store.io.LenientFields;
import io.govflow.store.io.StoreJson;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.BooleanNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A session file: {@code session_id, paused_agent_id, reviewer_agent_id, phase, synthesis_round,
 * max_synthesis_rounds, transcript, resolution, created_at, discovery_id, dispute_type, paused_agent_state,
 * reason}, then unknown fields (later reference versions add {@code session_type}, {@code topic},
 * {@code _original_resolution}, …) in their original order. Fields clients could set in the reference (a message's
 * texts and lists, {@code reason}, {@code discovery_id}, {@code dispute_type}, {@code resolution}) are read leniently
 * and written back as stored; a transcript entry that still cannot be read makes the whole session unreadable.
 */
public final class SessionCodec {

    private static final Set<String> SESSION_FIELDS = Set.of("session_id", "paused_agent_id", "reviewer_agent_id",
            "phase", "synthesis_round", "max_synthesis_rounds", "transcript", "resolution", "created_at",
            "discovery_id", "dispute_type", "paused_agent_state", "reason");
    private static final Set<String> MESSAGE_FIELDS = Set.of("phase", "agent_id", "timestamp", "root_cause",
            "observed_metrics", "proposed_conditions", "reasoning", "agrees", "concerns", "signature");
    private static final String SIGNATURE = "signature";

    private final StoreJson json;

    public SessionCodec(StoreJson json) {
        this.json = json;
    }

    public DialecticSession parse(byte[] content) {
        ObjectNode o = json.parseObject(content);
        LenientFields lenient = new LenientFields(o);
        long maxRounds = integer(o, "max_synthesis_rounds", -1);
        return new DialecticSession(
                requiredString(o, "session_id"),
                requiredString(o, "paused_agent_id"),
                requiredString(o, "reviewer_agent_id"),
                requiredString(o, "phase"),
                (int) integer(o, "synthesis_round", 0),
                maxRounds < 0 ? null : (int) maxRounds,
                transcript(o),
                lenient.nullableObject("resolution"),
                requiredString(o, "created_at"),
                lenient.nullableText("discovery_id"),
                lenient.nullableText("dispute_type"),
                present(o.get("paused_agent_state")),
                lenient.nullableText("reason"),
                unknownFields(o, SESSION_FIELDS),
                lenient.lax());
    }

    public byte[] format(DialecticSession session) {
        return json.toFileBytes(toObject(session));
    }

    /** The session as its file holds it (also what the API serves). */
    public ObjectNode toObject(DialecticSession s) {
        ObjectNode o = json.object();
        o.put("session_id", s.sessionId());
        o.put("paused_agent_id", s.pausedAgentId());
        o.put("reviewer_agent_id", s.reviewerAgentId());
        o.put("phase", s.phase());
        o.put("synthesis_round", s.synthesisRound());
        if (s.maxSynthesisRounds() != null) {
            o.put("max_synthesis_rounds", s.maxSynthesisRounds());
        }
        ArrayNode transcript = o.putArray("transcript");
        s.transcript().forEach(message -> transcript.add(toObject(message)));
        o.set("resolution", s.resolution() == null ? o.nullNode() : s.resolution().deepCopy());
        o.put("created_at", s.createdAt());
        putNullable(o, "discovery_id", s.discoveryId());
        putNullable(o, "dispute_type", s.disputeType());
        o.set("paused_agent_state", s.pausedAgentState() == null ? o.nullNode() : s.pausedAgentState().deepCopy());
        if (s.reason() != null) {
            o.put("reason", s.reason());
        }
        putUnknown(o, s.unknownFields());
        s.laxFields().restore(o);
        return o;
    }

    /** A transcript entry as its file holds it, its {@code signature} (if any) last. */
    public ObjectNode toObject(DialecticMessage m) {
        ObjectNode o = signedPart(m);
        if (m.signature() != null) {
            o.put(SIGNATURE, m.signature());
        }
        return o;
    }

    /**
     * A transcript entry without its signature, in its documented field order: the form signatures are computed
     * over (keys sorted), values as stored.
     */
    public ObjectNode signedPart(DialecticMessage m) {
        ObjectNode o = json.object();
        o.put("phase", m.phase());
        o.put("agent_id", m.agentId());
        o.put("timestamp", m.timestamp());
        putNullable(o, "root_cause", m.rootCause());
        o.set("observed_metrics", m.observedMetrics() == null ? o.nullNode() : m.observedMetrics().deepCopy());
        putList(o, "proposed_conditions", m.proposedConditions());
        putNullable(o, "reasoning", m.reasoning());
        o.set("agrees", m.agrees() == null ? o.nullNode() : m.agrees().deepCopy());
        putList(o, "concerns", m.concerns());
        putUnknown(o, m.unknownFields());
        m.laxFields().restore(o);
        return o;
    }

    private static List<DialecticMessage> transcript(ObjectNode o) {
        ArrayNode entries = array(o, "transcript");
        List<DialecticMessage> out = new ArrayList<>();
        if (entries == null) {
            return out;
        }
        for (JsonNode entry : entries) {
            if (!entry.isObject()) {
                throw new FileFormatException("a transcript entry is not an object");
            }
            out.add(messageFrom((ObjectNode) entry));
        }
        return out;
    }

    private static DialecticMessage messageFrom(ObjectNode m) {
        LenientFields lenient = new LenientFields(m);
        return new DialecticMessage(
                requiredString(m, "phase"),
                requiredString(m, "agent_id"),
                requiredString(m, "timestamp"),
                lenient.nullableText("root_cause"),
                present(m.get("observed_metrics")),
                lenient.nullableStrings("proposed_conditions"),
                lenient.nullableText("reasoning"),
                agrees(m, lenient),
                lenient.nullableStrings("concerns"),
                unknownFields(m, MESSAGE_FIELDS),
                signature(m),
                lenient.lax());
    }

    /** A boolean, or the reference's {@code 1}/{@code 0} kept as found; other types are read leniently. */
    private static @Nullable JsonNode agrees(ObjectNode m, LenientFields lenient) {
        JsonNode agrees = present(m.get("agrees"));
        if (agrees == null || agrees.isBoolean() || agrees.isNumber()) {
            return agrees;
        }
        Boolean read = lenient.nullableBoolean("agrees");
        return read == null ? null : BooleanNode.valueOf(read);
    }

    /** Govflow's own signature; a value of another type is no signature (the message then fails verification). */
    private static @Nullable String signature(ObjectNode m) {
        JsonNode n = m.get(SIGNATURE);
        if (n == null || n.isNull()) {
            return null;
        }
        return n.isString() ? n.stringValue() : n.toString();
    }

    private static @Nullable JsonNode present(@Nullable JsonNode node) {
        return node == null || node.isNull() ? null : node;
    }

    private static void putList(ObjectNode o, String name, @Nullable List<String> values) {
        if (values == null) {
            o.putNull(name);
        } else {
            putStrings(o, name, values);
        }
    }
}
