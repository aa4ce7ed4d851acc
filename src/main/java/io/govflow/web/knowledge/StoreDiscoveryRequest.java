package io.govflow.web.knowledge;

import java.util.List;

import io.govflow.flow.knowledge.DiscoveryRules;
import io.govflow.flow.knowledge.StoreDiscoveryCommand;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** A discovery to record; tags are trimmed and lower-cased. */
@Schema(name = "StoreDiscoveryRequest")
public record StoreDiscoveryRequest(
        @Schema(description = "The storing agent; the request must carry its key", example = "scout_20251201")
        @NotNull String agentId,
        @Schema(description = "bug_found, insight, pattern, improvement, question or dialectic_synthesis",
                example = "bug_found")
        @NotNull @Pattern(regexp = DiscoveryRules.TYPE_PATTERN) String type,
        @Schema(description = "At most 500 characters", example = "CSV export drops the last row")
        @NotBlank @Size(max = DiscoveryRules.MAX_SUMMARY) String summary,
        @Schema(description = "At most 20 000 characters", example = "Happens when the history is exactly full.")
        @Size(max = DiscoveryRules.MAX_DETAILS) @Nullable String details,
        @Schema(description = "At most 20 tags of at most 50 characters", example = "[\"export\", \"csv\"]")
        @Size(max = DiscoveryRules.MAX_TAGS)
        @Nullable List<@NotBlank @Size(max = DiscoveryRules.MAX_TAG_LENGTH) String> tags,
        @Schema(description = "low, medium, high, critical, or absent", example = "medium")
        @Pattern(regexp = DiscoveryRules.SEVERITY_PATTERN) @Nullable String severity,
        @Schema(description = "Files the discovery is about", example = "[\"src/export.py\"]")
        @Size(max = DiscoveryRules.MAX_FILES)
        @Nullable List<@NotBlank @Size(max = DiscoveryRules.MAX_FILE_LENGTH) String> relatedFiles,
        @Schema(description = "Link up to 5 discoveries that share tags (default true)", example = "true")
        @Nullable Boolean autoLinkRelated) {

    StoreDiscoveryCommand toCommand() {
        return new StoreDiscoveryCommand(agentId, type, summary, details, tags == null ? List.of() : tags, severity,
                relatedFiles == null ? List.of() : relatedFiles, !Boolean.FALSE.equals(autoLinkRelated));
    }
}
