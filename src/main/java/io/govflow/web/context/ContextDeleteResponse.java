package io.govflow.web.context;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** {@code DELETE …/context/{type}}. */
@JsonPropertyOrder({ "success", "agent_id", "t", "deleted" })
public record ContextDeleteResponse(boolean success, String agentId, String t, boolean deleted) {
}
