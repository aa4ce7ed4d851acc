package io.govflow.web.export;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** {@code POST /api/v1/exports/validation}: every file, or one file by name. */
public record ValidationRequest(
        @Schema(description = "One file name with its extension; omit to check every export file",
                example = "scout_7_history_20251201_151234.json")
        @Nullable String filename,
        @Schema(description = "history or package; limits the lookup of filename to one directory")
        @Nullable String kind) {
}
