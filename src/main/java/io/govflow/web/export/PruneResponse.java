package io.govflow.web.export;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.govflow.flow.export.ExportPrune;
import io.swagger.v3.oas.annotations.media.Schema;

/** What the prune removed (or would remove on a dry run). */
@JsonPropertyOrder({ "success", "dry_run", "cutoff", "count", "bytes", "files" })
public record PruneResponse(boolean success, boolean dryRun,
        @Schema(description = "Files last written before this time were chosen") String cutoff, int count,
        long bytes, List<ExportListResponse.Entry> files) {

    static PruneResponse of(ExportPrune prune) {
        List<ExportListResponse.Entry> files = prune.files().stream().map(ExportListResponse.Entry::of).toList();
        return new PruneResponse(true, prune.dryRun(), prune.cutoff(), files.size(),
                prune.files().stream().mapToLong(file -> file.sizeBytes()).sum(), files);
    }
}
