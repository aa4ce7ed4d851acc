package io.govflow.store.export;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

/**
 * An export file on disk.
 *
 * @param relativePath the path relative to the data directory, e.g. {@code history/a_history_20251201_151234.json}
 * @param agentId the agent the document names (read from the document), when it could be read
 */
public record ExportFile(ExportKind kind, String fileName, String relativePath, Path path, long sizeBytes,
        String modifiedAt, @Nullable String agentId) {
}
