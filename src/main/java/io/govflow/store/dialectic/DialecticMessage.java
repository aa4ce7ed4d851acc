package io.govflow.store.dialectic;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.govflow.store.io.JsonFields;
import io.govflow.store.io.LaxFields;

import tools.jackson.databind.JsonNode;

/**
 * One transcript entry: {@code phase, agent_id, timestamp, root_cause, observed_metrics, proposed_conditions,
 * reasoning, agrees, concerns} (all but the first three nullable), then unknown fields.
 *
 * @param observedMetrics any JSON value the reviewer reported (usually an object), or null
 * @param agrees          a boolean as we write it; reference files also hold {@code 1} (kept as found)
 * @param signature       the HMAC Govflow stored with a message it wrote ({@code signature}, left out of the signed
 *                        bytes); null in reference files, whose messages were signed with keys Govflow never held
 * @param laxFields       fields stored with another JSON type than documented, written back as stored
 */
public record DialecticMessage(
        String phase,
        String agentId,
        String timestamp,
        @Nullable String rootCause,
        @Nullable JsonNode observedMetrics,
        @Nullable List<String> proposedConditions,
        @Nullable String reasoning,
        @Nullable JsonNode agrees,
        @Nullable List<String> concerns,
        Map<String, JsonNode> unknownFields,
        @Nullable String signature,
        LaxFields laxFields) {

    public DialecticMessage {
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(timestamp, "timestamp");
        observedMetrics = observedMetrics == null ? null : observedMetrics.deepCopy();
        agrees = agrees == null || agrees.isNull() ? null : agrees.deepCopy();
        proposedConditions = proposedConditions == null ? null : List.copyOf(proposedConditions);
        concerns = concerns == null ? null : List.copyOf(concerns);
        unknownFields = JsonFields.copyOf(unknownFields);
        Objects.requireNonNull(laxFields, "laxFields");
    }

    /** An unsigned message with every field of its documented type. */
    public DialecticMessage(String phase, String agentId, String timestamp, @Nullable String rootCause,
            @Nullable JsonNode observedMetrics, @Nullable List<String> proposedConditions, @Nullable String reasoning,
            @Nullable JsonNode agrees, @Nullable List<String> concerns, Map<String, JsonNode> unknownFields) {
        this(phase, agentId, timestamp, rootCause, observedMetrics, proposedConditions, reasoning, agrees, concerns,
                unknownFields, null, LaxFields.NONE);
    }

    /** This message with the signature Govflow computed over it when it was written. */
    public DialecticMessage withSignature(String value) {
        return new DialecticMessage(phase, agentId, timestamp, rootCause, observedMetrics, proposedConditions,
                reasoning, agrees, concerns, unknownFields, value, laxFields);
    }

    /** The proposed conditions, or none. */
    public List<String> conditions() {
        return proposedConditions == null ? List.of() : proposedConditions;
    }

    /** True for {@code true} and for a non-zero number (the reference's Python wrote {@code 1} at times). */
    public boolean agreed() {
        return agrees != null && (agrees.isBoolean() ? agrees.booleanValue()
                : agrees.isNumber() && agrees.doubleValue() != 0);
    }
}
