package io.govflow.web.export;

import io.govflow.flow.export.ExportCommand;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** {@code POST /api/v1/agents/{id}/exports}. Names and formats are checked by the flow (INVALID_FILENAME etc.). */
public record ExportRequest(
        @Schema(description = "json (default) or csv; complete packages are json only", example = "csv")
        @Nullable String format,
        @Schema(description = "Custom file-name stem: 1-100 of A-Z a-z 0-9 _ -, starting with a letter or digit; "
                + "no dots, no extension. Omit for the automatic timestamped name.", example = "weekly_report")
        @Nullable String filename,
        @Schema(description = "Metadata + history + validation in exports/ (json only)", defaultValue = "false")
        @Nullable Boolean completePackage,
        @Schema(description = "Replace an existing file of the same custom name", defaultValue = "false")
        @Nullable Boolean overwrite) {

    ExportCommand toCommand() {
        return new ExportCommand(format, filename, Boolean.TRUE.equals(completePackage),
                Boolean.TRUE.equals(overwrite));
    }

    static ExportCommand toCommand(@Nullable ExportRequest request) {
        return request == null ? new ExportCommand(null, null, false, false) : request.toCommand();
    }
}
