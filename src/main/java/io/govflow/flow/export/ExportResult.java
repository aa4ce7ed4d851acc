package io.govflow.flow.export;

import java.util.List;

/**
 * A written export file, in the seed's response terms.
 *
 * @param filePath relative to the data directory, e.g. {@code history/a_history_20251201_151234.json}
 */
public record ExportResult(String message, String filePath, String filename, String format, String agentId,
        long fileSizeBytes, boolean completePackage, List<String> layersIncluded) {
}
