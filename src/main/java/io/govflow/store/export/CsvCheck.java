package io.govflow.store.export;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

import io.govflow.store.check.IsoTimestamps;
import io.govflow.store.check.Problem;

/**
 * Checks a history CSV with a standard CSV parser, one record at a time: the 10-column header (the reference's
 * older {@code risk} column accepted) or the seed's documented 8-column one (without V and coherence), data rows
 * of as many fields, an empty line, and the summary rows (as many fields, or one fewer as the reference padded).
 */
final class CsvCheck {

    private static final int FIRST_NUMBER = 2;

    /** The header's column count: every data row has as many fields; numbers run from E to attention_score. */
    private int columns = HistoryCsv.HEADER.size();

    private long rows;
    private long badRows;
    private long firstBadRecord;
    private long badTimestamps;
    private long emptyLambda1;
    private long lastUpdate;
    private boolean contiguous = true;
    private final Map<String, String> summary = new LinkedHashMap<>();
    private @Nullable String agentId;

    /** Returns the agent id of the summary, if any; adds the file's problems. */
    static @Nullable String check(Reader reader, List<Problem> problems) {
        CsvCheck check = new CsvCheck();
        try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(HistoryCsv.FORMAT).get()) {
            check.read(parser.iterator(), problems);
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            problems.add(Problem.error("INVALID_CSV", "The file is not valid CSV (RFC 4180)."));
        }
        return check.agentId;
    }

    private void read(Iterator<CSVRecord> records, List<Problem> problems) {
        if (!records.hasNext() || !header(records.next())) {
            problems.add(Problem.error("CSV_HEADER", "The header is not the 10 documented columns "
                    + "update,timestamp,E,I,S,V,coherence,attention_score,decision,lambda1 (or the seed's 8, "
                    + "without V and coherence)."));
            return;
        }
        boolean blankSeen = false;
        while (records.hasNext()) {
            CSVRecord record = records.next();
            if (record.size() == 1 && record.get(0).isEmpty()) {
                blankSeen = true;
                break;
            }
            row(record);
        }
        rowProblems(problems);
        if (!blankSeen || !summary(records, problems)) {
            problems.add(Problem.error("CSV_SUMMARY", "The summary section (an empty line, then Summary, agent_id, "
                    + "total_updates, total_time, lambda1_final) is missing or incomplete."));
            return;
        }
        totals(problems);
    }

    private boolean header(CSVRecord record) {
        for (List<String> layout : List.of(HistoryCsv.HEADER, HistoryCsv.SEED_HEADER)) {
            if (matches(record, layout)) {
                columns = layout.size();
                return true;
            }
        }
        return false;
    }

    private static boolean matches(CSVRecord record, List<String> layout) {
        if (record.size() != layout.size()) {
            return false;
        }
        for (int k = 0; k < layout.size(); k++) {
            String expected = layout.get(k);
            String actual = record.get(k);
            boolean legacy = "attention_score".equals(expected) && HistoryCsv.LEGACY_ATTENTION.equals(actual);
            if (!expected.equals(actual) && !legacy) {
                return false;
            }
        }
        return true;
    }

    private void row(CSVRecord record) {
        rows++;
        if (record.size() != columns || !wellFormed(record)) {
            badRows++;
            if (firstBadRecord == 0) {
                firstBadRecord = record.getRecordNumber();
            }
        }
    }

    /** A number as the export writes it: finite ({@code NaN} and {@code Infinity} parse, but are never valid). */
    private static double finite(String text) {
        double value = Double.parseDouble(text);
        if (!Double.isFinite(value)) {
            throw new NumberFormatException("not a finite number");
        }
        return value;
    }

    private boolean wellFormed(CSVRecord record) {
        try {
            long update = Long.parseLong(record.get(0));
            if (rows > 1 && update != lastUpdate + 1) {
                contiguous = false;
            }
            lastUpdate = update;
            for (int k = FIRST_NUMBER; k <= columns - 3; k++) {
                finite(record.get(k));
            }
            if (record.get(columns - 1).isEmpty()) {
                emptyLambda1++;
            } else {
                finite(record.get(columns - 1));
            }
        } catch (NumberFormatException e) {
            return false;
        }
        if (!IsoTimestamps.isData(record.get(1))) {
            badTimestamps++;
        }
        return !record.get(columns - 2).isEmpty();
    }

    private void rowProblems(List<Problem> problems) {
        if (badRows > 0) {
            problems.add(Problem.error("CSV_ROW", "%d data row(s) do not have %d well-formed fields, every number finite (first: record %d)."
                    .formatted(badRows, columns, firstBadRecord)));
        }
        if (badTimestamps > 0) {
            problems.add(Problem.error("TIMESTAMP_NOT_ISO",
                    "%d timestamp(s) are not ISO 8601 (YYYY-MM-DDTHH:MM:SS.ffffff).".formatted(badTimestamps)));
        }
        if (!contiguous) {
            problems.add(Problem.error("SEQ_NOT_CONTIGUOUS", "The update column is not a gap-free run."));
        }
        if (emptyLambda1 > 0) {
            problems.add(Problem.warning("LAMBDA1_HISTORY_SHORT",
                    "%d row(s) have no lambda1 value (older reference files record it only sometimes)."
                            .formatted(emptyLambda1)));
        }
    }

    private boolean summary(Iterator<CSVRecord> records, List<Problem> problems) {
        if (!records.hasNext() || !summaryRow(records.next(), HistoryCsv.SUMMARY, false)) {
            return false;
        }
        for (String key : HistoryCsv.SUMMARY_KEYS) {
            if (!records.hasNext()) {
                return false;
            }
            CSVRecord record = records.next();
            if (!summaryRow(record, key, true)) {
                return false;
            }
            summary.put(key, record.get(1));
        }
        agentId = summary.get("agent_id");
        while (records.hasNext()) {
            CSVRecord extra = records.next();
            if (!(extra.size() == 1 && extra.get(0).isEmpty())) {
                problems.add(Problem.warning("CSV_EXTRA_ROWS", "The file has rows after the summary."));
                break;
            }
        }
        return true;
    }

    /** {@code key[,value]} padded with empty fields to the header's width (ours) or one fewer (the reference's). */
    private boolean summaryRow(CSVRecord record, String key, boolean hasValue) {
        if (record.size() != columns && record.size() != columns - 1 || !key.equals(record.get(0))) {
            return false;
        }
        int filled = hasValue ? 2 : 1;
        for (int k = filled; k < record.size(); k++) {
            if (!record.get(k).isEmpty()) {
                return false;
            }
        }
        return !hasValue || !record.get(1).isEmpty();
    }

    private void totals(List<Problem> problems) {
        long total;
        try {
            total = Long.parseLong(summary.get("total_updates"));
            finite(summary.get("total_time"));
            finite(summary.get("lambda1_final"));
        } catch (NumberFormatException | NullPointerException e) {
            problems.add(Problem.error("CSV_SUMMARY", "A summary value is not a number."));
            return;
        }
        if (rows > total) {
            problems.add(Problem.error("MORE_ENTRIES_THAN_UPDATES",
                    "total_updates is %d but the file has %d rows.".formatted(total, rows)));
        } else if (rows < total) {
            problems.add(Problem.warning("HISTORY_TRIMMED",
                    "The history holds the last %d of %d updates; older ones were not retained.".formatted(rows, total)));
        }
    }
}
