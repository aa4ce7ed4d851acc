package io.govflow.web.maintenance;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;

/** The orphan to adopt: an agent id with files but no metadata record. */
@Schema(name = "AdoptRequest")
public record AdoptRequest(@Schema(example = "spam_agent_8") @NotNull String agentId) {
}
