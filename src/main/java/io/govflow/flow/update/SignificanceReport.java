package io.govflow.flow.update;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The {@code significance} block of an update asked with {@code auto_export_on_significance}: whether the update
 * was significant and why, and the automatic export it triggered ({@code export_path} relative to the data
 * directory) or why that export failed ({@code export_error}, the error code; the update stands either way).
 */
public record SignificanceReport(boolean isSignificant, List<String> reasons, String timestamp, boolean exported,
        @Nullable String exportPath, @Nullable String exportError) {

    public SignificanceReport {
        reasons = List.copyOf(reasons);
    }
}
