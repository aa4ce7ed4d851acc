package io.govflow.web.export;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.govflow.flow.export.ExportResult;
import io.swagger.v3.oas.annotations.media.Schema;

/** The seed's export response; {@code file_path} is relative to the data directory. */
@JsonPropertyOrder({ "success", "message", "file_path", "filename", "format", "agent_id", "file_size_bytes",
        "complete_package", "layers_included" })
public record ExportResponse(
        boolean success,
        String message,
        @Schema(example = "history/scout_7_history_20251201_151234.json") String filePath,
        @Schema(example = "scout_7_history_20251201_151234.json") String filename,
        @Schema(example = "json") String format,
        String agentId,
        long fileSizeBytes,
        boolean completePackage,
        @Schema(example = "[\"history\"]") List<String> layersIncluded) {

    static ExportResponse of(ExportResult r) {
        return new ExportResponse(true, r.message(), r.filePath(), r.filename(), r.format(), r.agentId(),
                r.fileSizeBytes(), r.completePackage(), r.layersIncluded());
    }
}
