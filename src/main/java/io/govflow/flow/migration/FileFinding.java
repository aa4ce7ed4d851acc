package io.govflow.flow.migration;

import java.util.List;

import io.govflow.store.check.Problem;

/** The findings about one file (path relative to the data directory). */
public record FileFinding(String file, List<Problem> problems) {

    public FileFinding {
        problems = List.copyOf(problems);
    }
}
