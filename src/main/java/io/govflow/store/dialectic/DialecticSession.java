package io.govflow.store.dialectic;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.govflow.store.io.JsonFields;
import io.govflow.store.io.LaxFields;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One review session as its file holds it. {@code resolution} and {@code paused_agent_state} stay JSON trees: the
 * reference wrote several shapes of them and they are kept as found. {@code max_synthesis_rounds} is null in files
 * written by the reference (which did not save it); {@link #maxRounds()} then gives the reference's 5.
 */
public record DialecticSession(
        String sessionId,
        String pausedAgentId,
        String reviewerAgentId,
        String phase,
        int synthesisRound,
        @Nullable Integer maxSynthesisRounds,
        List<DialecticMessage> transcript,
        @Nullable ObjectNode resolution,
        String createdAt,
        @Nullable String discoveryId,
        @Nullable String disputeType,
        @Nullable JsonNode pausedAgentState,
        @Nullable String reason,
        Map<String, JsonNode> unknownFields,
        LaxFields laxFields) {

    public static final String THESIS = "thesis";
    public static final String ANTITHESIS = "antithesis";
    public static final String SYNTHESIS = "synthesis";
    public static final String RESOLVED = "resolved";
    public static final String ESCALATED = "escalated";
    public static final String FAILED = "failed";
    public static final Set<String> TERMINAL = Set.of(RESOLVED, ESCALATED, FAILED);
    public static final int DEFAULT_MAX_ROUNDS = 5;

    public DialecticSession {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(pausedAgentId, "pausedAgentId");
        Objects.requireNonNull(reviewerAgentId, "reviewerAgentId");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(createdAt, "createdAt");
        transcript = List.copyOf(transcript);
        resolution = resolution == null ? null : resolution.deepCopy();
        pausedAgentState = pausedAgentState == null ? null : pausedAgentState.deepCopy();
        unknownFields = JsonFields.copyOf(unknownFields);
        Objects.requireNonNull(laxFields, "laxFields");
    }

    /** A session with every field of its documented type. */
    public DialecticSession(String sessionId, String pausedAgentId, String reviewerAgentId, String phase,
            int synthesisRound, @Nullable Integer maxSynthesisRounds, List<DialecticMessage> transcript,
            @Nullable ObjectNode resolution, String createdAt, @Nullable String discoveryId,
            @Nullable String disputeType, @Nullable JsonNode pausedAgentState, @Nullable String reason,
            Map<String, JsonNode> unknownFields) {
        this(sessionId, pausedAgentId, reviewerAgentId, phase, synthesisRound, maxSynthesisRounds, transcript,
                resolution, createdAt, discoveryId, disputeType, pausedAgentState, reason, unknownFields,
                LaxFields.NONE);
    }

    public int maxRounds() {
        return maxSynthesisRounds == null ? DEFAULT_MAX_ROUNDS : maxSynthesisRounds;
    }

    public boolean terminal() {
        return TERMINAL.contains(phase);
    }

    public boolean involves(String agentId) {
        return pausedAgentId.equals(agentId) || reviewerAgentId.equals(agentId);
    }

    /** This session with one more transcript entry, a new phase and round. */
    public DialecticSession append(DialecticMessage message, String newPhase, int newRound) {
        List<DialecticMessage> next = new ArrayList<>(transcript);
        next.add(message);
        return new DialecticSession(sessionId, pausedAgentId, reviewerAgentId, newPhase, newRound, maxRounds(), next,
                resolution, createdAt, discoveryId, disputeType, pausedAgentState, reason, unknownFields, laxFields);
    }

    public DialecticSession withPhase(String newPhase) {
        return new DialecticSession(sessionId, pausedAgentId, reviewerAgentId, newPhase, synthesisRound, maxRounds(),
                transcript, resolution, createdAt, discoveryId, disputeType, pausedAgentState, reason, unknownFields,
                laxFields);
    }

    public DialecticSession withResolution(String newPhase, ObjectNode newResolution) {
        return new DialecticSession(sessionId, pausedAgentId, reviewerAgentId, newPhase, synthesisRound, maxRounds(),
                transcript, newResolution, createdAt, discoveryId, disputeType, pausedAgentState, reason,
                unknownFields, laxFields);
    }
}
