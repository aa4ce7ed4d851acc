package io.govflow.web.agent;

import java.util.List;

import io.govflow.flow.agent.AgentPatch;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** A metadata edit: each present field is written, absent ones stay as they are. */
@Schema(name = "PatchAgentRequest")
public record PatchAgentRequest(
        @Schema(description = "Replaces the tags", example = "[\"research\", \"pioneer\"]")
        @Size(max = 20) @Nullable List<@NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9_.:-]+") String> tags,
        @Schema(description = "Replaces the notes", example = "Owns the export flow")
        @Size(max = 4096) @Nullable String notes,
        @Schema(description = "Appended to the notes as a new line '[timestamp] text'", example = "Reviewed")
        @Size(max = 4096) @Nullable String appendNotes) {

    AgentPatch toPatch() {
        return new AgentPatch(tags, notes, appendNotes);
    }
}
