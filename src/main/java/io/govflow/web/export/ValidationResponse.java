package io.govflow.web.export;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.govflow.store.export.ExportFileReport;
import io.govflow.store.export.ExportValidationReport;

/** The export validator's report: per file {file, kind, ok, problems}, plus totals. */
@JsonPropertyOrder({ "success", "checked_at", "files", "totals" })
public record ValidationResponse(boolean success, String checkedAt, List<ExportFileReport> files,
        ExportValidationReport.Totals totals) {

    static ValidationResponse of(ExportValidationReport report) {
        return new ValidationResponse(true, report.checkedAt(), report.files(), report.totals());
    }
}
