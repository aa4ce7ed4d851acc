package io.govflow.web.context;

import java.util.List;

import io.govflow.flow.context.PutCommand;
import io.govflow.store.context.ManifestEntry;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** An agent-written context document. Unknown fields are rejected. */
@Schema(name = "PutContextRequest")
public record PutContextRequest(
        @Schema(description = "The writer: 1 to 64 letters, digits, '_', '.', ':' or '-'", example = "planner.v2")
        @NotNull @Pattern(regexp = "[A-Za-z0-9_.:-]{1,64}") String src,
        @Schema(description = "The full data: a JSON object (nulls dropped, strings trimmed, secrets redacted, "
                + "trimmed to the byte budget)", example = "{\"goal\": \"ship the export flow\", \"steps\": [\"a\"]}")
        @NotNull JsonNode d,
        @Schema(description = "Optional summary (a JSON object, at most 4 KiB); derived from d when absent")
        @Nullable JsonNode s,
        @Schema(description = "Optional query hints (m.q)", example = "[\"export plan\"]")
        @Size(max = 20) @Nullable List<@NotBlank @Size(max = 100) String> q,
        @Schema(description = "Seconds the document stays fresh; 0 or absent = until replaced", example = "3600")
        @Min(0) @Max(315_360_000) @Nullable Long ttlS,
        @Schema(description = "Related documents of the same tenant (dc.related_documents)")
        @Size(max = 20) @Nullable List<@NotNull @Valid RelatedLink> related) {

    /** A link to another document type. */
    @Schema(name = "RelatedDocument")
    public record RelatedLink(
            @Schema(example = "project.plan") @NotBlank @Size(max = 100) String t,
            @Schema(example = "upstream_context") @NotNull @Pattern(regexp = "[a-z][a-z0-9_]{0,39}") String reason) {
    }

    PutCommand toCommand() {
        List<ManifestEntry.Related> links = related == null ? null
                : related.stream().map(link -> new ManifestEntry.Related(link.t(), link.reason())).toList();
        return new PutCommand(src, d, s, q, ttlS, links);
    }
}
