package io.govflow.store.export;

import java.util.List;

/** The validator's report: every file checked, and totals. */
public record ExportValidationReport(String checkedAt, List<ExportFileReport> files, Totals totals) {

    public ExportValidationReport {
        files = List.copyOf(files);
    }

    static ExportValidationReport of(String checkedAt, List<ExportFileReport> files) {
        long ok = files.stream().filter(ExportFileReport::ok).count();
        long errors = files.stream().mapToLong(ExportFileReport::errors).sum();
        long warnings = files.stream().mapToLong(ExportFileReport::warnings).sum();
        return new ExportValidationReport(checkedAt, files, new Totals(files.size(), ok, errors, warnings));
    }

    /** True when no file has an error. */
    public boolean allValid() {
        return totals.errors() == 0;
    }

    /**
     * @param files files checked
     * @param ok files without an error
     * @param errors problems of severity error, over all files
     * @param warnings problems of severity warning, over all files
     */
    public record Totals(long files, long ok, long errors, long warnings) {
    }
}
