package io.govflow.web.agent;

import java.util.List;

import io.govflow.flow.agent.RegisterCommand;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** Registration of a new agent. */
@Schema(name = "RegisterRequest")
public record RegisterRequest(
        @Schema(description = "3 to 64 letters, digits, '_' or '-'; not a generic name", example = "scout_20251201")
        @NotNull String agentId,
        @Schema(example = "[\"research\"]")
        @Size(max = 20) @Nullable List<@NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9_.:-]+") String> tags,
        @Schema(example = "Explores the export flow")
        @Size(max = 4096) @Nullable String notes,
        @Schema(example = "lead_agent_01")
        @Nullable String parentAgentId,
        @Size(max = 1024) @Nullable String spawnReason) {

    RegisterCommand toCommand() {
        return new RegisterCommand(agentId, tags == null ? List.of() : tags, notes == null ? "" : notes,
                parentAgentId, spawnReason);
    }
}
