package io.govflow.web.export;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.govflow.flow.export.ExportPage;
import io.govflow.store.export.ExportFile;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** One page of the export files the caller may see. */
@JsonPropertyOrder({ "success", "exports", "page", "size", "total" })
public record ExportListResponse(boolean success, List<Entry> exports, int page, int size,
        @Schema(description = "Files over all pages") long total) {

    static ExportListResponse of(ExportPage page) {
        return new ExportListResponse(true, page.files().stream().map(Entry::of).toList(), page.page(), page.size(),
                page.total());
    }

    /** One file; {@code agent_id} is read from the document (null when it cannot be read). */
    @JsonPropertyOrder({ "kind", "filename", "file_path", "agent_id", "format", "size_bytes", "modified_at" })
    public record Entry(
            @Schema(example = "history") String kind,
            @Schema(example = "scout_7_history_20251201_151234.csv") String filename,
            @Schema(example = "history/scout_7_history_20251201_151234.csv") String filePath,
            @Nullable String agentId,
            @Schema(example = "csv") String format,
            long sizeBytes,
            String modifiedAt) {

        static Entry of(ExportFile f) {
            String format = f.fileName().endsWith(".csv") ? "csv" : "json";
            return new Entry(f.kind().wire(), f.fileName(), f.relativePath(), f.agentId(), format, f.sizeBytes(),
                    f.modifiedAt());
        }
    }
}
