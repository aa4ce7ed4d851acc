package io.govflow.store.export;

import java.util.List;
import java.util.Objects;

import io.govflow.store.check.Problem;

/** The checks of a history document (a history file, or a package's {@code layers.history}) on its scan. */
final class HistoryChecks {

    private static final List<String> REQUIRED_ARRAYS = List.of("E_history", "I_history", "S_history",
            "V_history");
    private static final List<String> ROW_ARRAYS = List.of("E_history", "I_history", "S_history", "V_history",
            "coherence_history", "attention_history", "risk_history", "decision_history", "update_seq");

    private HistoryChecks() {
    }

    /** Adds the problems of the document; {@code where} prefixes field names (e.g. {@code layers.history.}). */
    static void check(HistoryScan scan, String where, List<Problem> problems) {
        if (scan.agentId == null || scan.agentId.isEmpty()) {
            problems.add(missingOrWrong(scan, where, "agent_id", "a non-empty string"));
        }
        String timestamps = scan.timestampsName();
        for (String name : concat(timestamps, REQUIRED_ARRAYS)) {
            if (scan.length(name) == null) {
                problems.add(missingOrWrong(scan, where, name, "an array"));
            }
        }
        if (scan.totalUpdates == null || scan.totalUpdates < 0) {
            problems.add(missingOrWrong(scan, where, "total_updates", "a non-negative integer"));
        }
        scan.badElements.forEach((name, bad) -> {
            if (bad > 0) {
                problems.add(Problem.error("WRONG_TYPE", "%d element(s) of '%s%s' have the wrong type."
                        .formatted(bad, where, name)));
            }
        });
        scan.nonFinite.forEach((name, count) -> {
            if (count > 0) {
                problems.add(Problem.error("NON_FINITE_NUMBER", "%d element(s) of '%s%s' are not finite numbers "
                        .formatted(count, where, name) + "(NaN or Infinity)."));
            }
        });
        if (scan.badTimestamps > 0) {
            problems.add(Problem.error("TIMESTAMP_NOT_ISO", "%d timestamp(s) in '%s%s' are not ISO 8601 (YYYY-MM-DDTHH:MM:SS.ffffff)."
                    .formatted(scan.badTimestamps, where, timestamps)));
        }
        Long rows = scan.length(timestamps);
        if (rows == null) {
            rows = scan.length("E_history");
        }
        if (rows == null) {
            return;
        }
        lengths(scan, where, timestamps, rows, problems);
        aliases(scan, where, problems);
        counts(scan, where, rows, problems);
    }

    private static void lengths(HistoryScan scan, String where, String timestamps, long rows,
            List<Problem> problems) {
        for (String name : concat(timestamps, ROW_ARRAYS)) {
            Long length = scan.length(name);
            if (length != null && length != rows) {
                problems.add(Problem.error("ARRAY_LENGTH_MISMATCH", "'%s%s' has %d element(s) but '%s%s' has %d."
                        .formatted(where, name, length, where, timestamps, rows)));
            }
        }
        Long lambda1 = scan.length("lambda1_history");
        if (lambda1 != null && lambda1 != rows) {
            problems.add(Problem.warning("LAMBDA1_HISTORY_SHORT",
                    "'%slambda1_history' has %d element(s) for %d update(s) (older reference files record it only sometimes)."
                            .formatted(where, lambda1, rows)));
        }
    }

    private static void aliases(HistoryScan scan, String where, List<Problem> problems) {
        Long attention = scan.hashes.get("attention_history");
        Long risk = scan.hashes.get("risk_history");
        if (attention != null && risk != null && !attention.equals(risk)
                && Objects.equals(scan.length("attention_history"), scan.length("risk_history"))) {
            problems.add(Problem.error("ALIAS_MISMATCH", "'%sattention_history' and its alias '%srisk_history' differ."
                    .formatted(where, where)));
        }
    }

    private static void counts(HistoryScan scan, String where, long rows, List<Problem> problems) {
        Long total = scan.totalUpdates;
        if (total == null || total < 0) {
            return;
        }
        if (rows > total) {
            problems.add(Problem.error("MORE_ENTRIES_THAN_UPDATES", "'%stotal_updates' is %d but the history has %d entries."
                    .formatted(where, total, rows)));
        } else if (rows < total) {
            problems.add(Problem.warning("HISTORY_TRIMMED",
                    "The history holds the last %d of %d updates; older ones were not retained.".formatted(rows, total)));
        }
        if (scan.length("update_seq") != null && rows > 0 && (!scan.seqContiguous || scan.lastSeq != total)) {
            problems.add(Problem.error("SEQ_NOT_CONTIGUOUS",
                    "'%supdate_seq' is not a gap-free run ending at total_updates.".formatted(where)));
        }
    }

    private static Problem missingOrWrong(HistoryScan scan, String where, String name, String expected) {
        if (scan.scalars.containsKey(name) || scan.lengths.containsKey(name)) {
            return Problem.error("WRONG_TYPE", "Field '%s%s' must be %s.".formatted(where, name, expected));
        }
        return Problem.error("MISSING_FIELD", "Required field '%s%s' is missing.".formatted(where, name));
    }

    private static List<String> concat(String first, List<String> rest) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(first), rest.stream()).toList();
    }
}
