package io.govflow.web.update;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.govflow.flow.update.SignificanceReport;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** The {@code significance} block: present when the update asked for {@code auto_export_on_significance}. */
@JsonPropertyOrder({ "is_significant", "reasons", "timestamp", "exported", "export_path", "export_error" })
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SignificanceBody(
        boolean isSignificant,
        @Schema(example = "[\"attention_spike\", \"pause_decision\"]") List<String> reasons,
        String timestamp,
        boolean exported,
        @Schema(description = "Relative to the data directory", example = "history/scout_7_significant_20251201_151234.json")
        @Nullable String exportPath,
        @Schema(description = "Error code of a failed export; the update itself stands", example = "DISK_FULL")
        @Nullable String exportError) {

    static @Nullable SignificanceBody of(@Nullable SignificanceReport report) {
        return report == null ? null : new SignificanceBody(report.isSignificant(), report.reasons(),
                report.timestamp(), report.exported(), report.exportPath(), report.exportError());
    }
}
