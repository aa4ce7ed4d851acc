package io.govflow.flow.agent;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** A registration request, validated for shape by the web layer. */
public record RegisterCommand(String agentId, List<String> tags, String notes, @Nullable String parentAgentId,
        @Nullable String spawnReason) {
}
