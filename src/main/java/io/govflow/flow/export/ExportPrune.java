package io.govflow.flow.export;

import java.util.List;

import io.govflow.store.export.ExportFile;

/**
 * What a prune removed, or would remove on a dry run.
 *
 * @param cutoff files last written before this time were chosen
 */
public record ExportPrune(boolean dryRun, String cutoff, List<ExportFile> files) {

    public ExportPrune {
        files = List.copyOf(files);
    }
}
