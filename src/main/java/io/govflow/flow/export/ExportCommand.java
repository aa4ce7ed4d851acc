package io.govflow.flow.export;

import org.jspecify.annotations.Nullable;

/**
 * A request for an export file, as received (checked by the flow).
 *
 * @param format {@code json} (default) or {@code csv}
 * @param filename a custom stem, or null for the automatic name
 * @param overwrite replace an existing file of the custom name instead of refusing
 */
public record ExportCommand(@Nullable String format, @Nullable String filename, boolean completePackage,
        boolean overwrite) {
}
