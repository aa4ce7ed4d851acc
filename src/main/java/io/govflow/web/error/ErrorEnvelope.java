package io.govflow.web.error;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.govflow.error.Recovery;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The standardized error body: an RFC 9457 problem document whose extension members are the seed's
 * envelope. Serialized as {@code application/problem+json}.
 */
@Schema(name = "ErrorEnvelope", description = "Every non-2xx response has this shape.")
@JsonPropertyOrder({ "success", "error", "error_code", "status", "request_id", "details", "recovery", "type", "title",
        "detail", "instance" })
public record ErrorEnvelope(
        @Schema(example = "false") boolean success,
        @Schema(example = "Agent 'scout_7' is not registered.") String error,
        @JsonProperty("error_code") @Schema(example = "AGENT_NOT_FOUND", pattern = "^[A-Z][A-Z_]{1,63}$",
                maxLength = 64, description = "Stable and machine-readable; new codes may be added, so clients "
                        + "treat an unknown one by its HTTP status") String errorCode,
        @Schema(example = "404") int status,
        @JsonProperty("request_id") @Schema(example = "6f1c2b3a9d0e4f5a8b7c6d5e4f3a2b1c", pattern = "^[0-9a-f]{32}$",
                maxLength = 32) String requestId,
        @Schema(description = "Facts about this error, as a JSON object whose members depend on error_code "
                + "(strings, numbers, arrays or objects); empty when there are none",
                additionalProperties = Schema.AdditionalPropertiesValue.TRUE) Map<String, Object> details,
        RecoveryBody recovery,
        @Schema(example = "urn:govflow:error:agent-not-found", pattern = "^urn:govflow:error:[a-z-]{1,64}$",
                maxLength = 82) String type,
        @Schema(example = "Agent not found") String title,
        String detail,
        @Schema(example = "urn:govflow:request:6f1c2b3a9d0e4f5a8b7c6d5e4f3a2b1c",
                pattern = "^urn:govflow:request:[0-9a-f]{32}$", maxLength = 52) String instance) {

    /** Recovery guidance: what to do, which operations help, numbered steps. */
    public record RecoveryBody(String action, @JsonProperty("related_tools") java.util.List<String> relatedTools,
            String workflow) {

        static RecoveryBody of(Recovery recovery) {
            return new RecoveryBody(recovery.action(), recovery.relatedTools(), recovery.workflow());
        }
    }
}
