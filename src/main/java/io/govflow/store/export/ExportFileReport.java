package io.govflow.store.export;

import java.util.List;

import io.govflow.store.check.Problem;

/**
 * The validator's verdict on one file.
 *
 * @param file the path relative to the data directory
 * @param kind {@code history} or {@code package}
 * @param ok no problem of severity error
 */
public record ExportFileReport(String file, String kind, boolean ok, List<Problem> problems) {

    public ExportFileReport {
        problems = List.copyOf(problems);
    }

    public long errors() {
        return problems.stream().filter(Problem::isError).count();
    }

    public long warnings() {
        return problems.size() - errors();
    }
}
