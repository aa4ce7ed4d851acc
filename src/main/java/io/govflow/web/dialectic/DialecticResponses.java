package io.govflow.web.dialectic;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.govflow.flow.dialectic.RecoveryOutcome;
import io.govflow.flow.dialectic.SessionCreated;
import io.govflow.flow.dialectic.SessionSummary;
import io.govflow.flow.dialectic.SessionSignatures;
import io.govflow.flow.dialectic.SessionView;
import io.govflow.store.check.Problem;
import io.govflow.flow.dialectic.StepOutcome;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Response bodies of the dialectic endpoints. Sessions appear exactly as their files hold them. */
public final class DialecticResponses {

    private DialecticResponses() {
    }

    @Schema(name = "ReviewCreatedResponse")
    @JsonPropertyOrder({ "success", "session_id", "paused_agent_id", "reviewer_agent_id", "phase", "reason",
            "next_step", "created_at", "max_synthesis_rounds", "discovery_id", "dispute_type" })
    public record Created(boolean success, String sessionId, String pausedAgentId, String reviewerAgentId,
            String phase, String reason, String nextStep, String createdAt, int maxSynthesisRounds,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String discoveryId,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String disputeType) {

        static Created of(SessionCreated c) {
            return new Created(true, c.sessionId(), c.pausedAgentId(), c.reviewerAgentId(), c.phase(), c.reason(),
                    c.nextStep(), c.createdAt(), c.maxSynthesisRounds(), c.discoveryId(), c.disputeType());
        }
    }

    @Schema(name = "ReviewStepResponse")
    @JsonPropertyOrder({ "success", "session_id", "phase", "synthesis_round", "max_synthesis_rounds", "next_step",
            "signature", "resolution" })
    public record Step(boolean success, String sessionId, String phase, int synthesisRound, int maxSynthesisRounds,
            String nextStep, @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String signature,
            @Schema(description = "Present once the session is resolved: action resume or block")
            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable JsonNode resolution) {

        static Step of(StepOutcome o) {
            return new Step(true, o.sessionId(), o.phase(), o.synthesisRound(), o.maxSynthesisRounds(),
                    o.nextStep(), o.signature(), o.resolution());
        }
    }

    @Schema(name = "ReviewSessionResponse")
    @JsonPropertyOrder({ "success", "session", "expired", "expiry_reason", "signatures", "warnings" })
    public record Session(boolean success,
            @Schema(description = "Every field of the session file, unknown ones included") JsonNode session,
            boolean expired, @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String expiryReason,
            @Schema(description = "Each transcript message's signature, checked on this read: valid, invalid "
                    + "(changed outside the service; no resolution is applied) or unverifiable (reference "
                    + "sessions, signed with keys this service never held)") List<MessageSignature> signatures,
            @Schema(description = "SIGNATURE_UNVERIFIABLE when some messages cannot be checked; never blocking")
            List<Problem> warnings) {

        static Session of(SessionView v) {
            return new Session(true, v.session(), v.expired(), v.expiryReason(),
                    v.signatures().stream().map(MessageSignature::of).toList(), v.warnings());
        }
    }

    @Schema(name = "ReviewMessageSignature")
    @JsonPropertyOrder({ "index", "agent_id", "phase", "status" })
    public record MessageSignature(int index, String agentId, String phase,
            @Schema(allowableValues = { "valid", "invalid", "unverifiable" }) String status) {

        static MessageSignature of(SessionSignatures.Checked c) {
            return new MessageSignature(c.index(), c.agentId(), c.phase(), c.status().word());
        }
    }

    @Schema(name = "ReviewSessionSummary")
    @JsonPropertyOrder({ "session_id", "role", "paused_agent_id", "reviewer_agent_id", "phase", "synthesis_round",
            "created_at", "discovery_id", "dispute_type", "resolution_action", "expired" })
    public record Summary(String sessionId, String role, String pausedAgentId, String reviewerAgentId, String phase,
            int synthesisRound, String createdAt, @Nullable String discoveryId, @Nullable String disputeType,
            @Nullable String resolutionAction, boolean expired) {

        static Summary of(SessionSummary s) {
            return new Summary(s.sessionId(), s.role(), s.pausedAgentId(), s.reviewerAgentId(), s.phase(),
                    s.synthesisRound(), s.createdAt(), s.discoveryId(), s.disputeType(), s.resolutionAction(),
                    s.expired());
        }
    }

    @Schema(name = "ReviewSessionListResponse")
    @JsonPropertyOrder({ "success", "sessions", "count" })
    public record Listed(boolean success, List<Summary> sessions, int count) {
    }

    @Schema(name = "SelfRecoveryResponse")
    @JsonPropertyOrder({ "success", "agent_id", "session_id", "status", "thesis", "system_antithesis",
            "merged_resolution", "metrics", "note" })
    public record Recovered(boolean success, String agentId, String sessionId, String status, JsonNode thesis,
            JsonNode systemAntithesis, JsonNode mergedResolution, JsonNode metrics, String note) {

        static Recovered of(RecoveryOutcome o) {
            return new Recovered(true, o.agentId(), o.sessionId(), o.status(), o.thesis(), o.systemAntithesis(),
                    o.resolution(), o.metrics(), o.note());
        }
    }
}
