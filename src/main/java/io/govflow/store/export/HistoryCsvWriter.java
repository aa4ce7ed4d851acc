package io.govflow.store.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;

import tools.jackson.core.io.NumberOutput;

/**
 * The history as CSV (RFC 4180, UTF-8, CRLF): the 10-column header, one row per update with its global seq in
 * {@code update}, an empty line, then the summary rows padded to the header's 10 fields. One pass over the
 * source; numbers are written exactly as in the JSON document.
 */
public final class HistoryCsvWriter {

    private static final int BUFFER = 64 * 1024;

    /** Writes the document; does not close {@code out}. */
    public HistoryStats write(HistorySource source, OutputStream out) throws IOException {
        BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), BUFFER);
        CSVPrinter printer = new CSVPrinter(writer, HistoryCsv.FORMAT);
        HistoryStats stats = new HistoryStats();
        printer.printRecord(HistoryCsv.HEADER);
        try {
            source.forEach(row -> {
                stats.row(row.seq(), row.ts());
                print(printer, row);
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        printer.println();
        HistoryTotals totals = source.totals();
        printer.printRecord(padded(HistoryCsv.SUMMARY, null));
        printer.printRecord(padded("agent_id", source.agentId()));
        printer.printRecord(padded("total_updates", Long.toString(totals.totalUpdates())));
        printer.printRecord(padded("total_time", number(totals.totalTime())));
        printer.printRecord(padded("lambda1_final", number(totals.lambda1Final())));
        printer.flush();
        return stats;
    }

    private static void print(CSVPrinter printer, HistoryRow row) {
        try {
            printer.printRecord(Long.toString(row.seq()), row.ts(), number(row.E()), number(row.I()),
                    number(row.S()), number(row.V()), number(row.coherence()), number(row.attentionScore()),
                    row.decision(), row.lambda1() == null ? "" : number(row.lambda1()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> padded(String key, @Nullable String value) {
        List<String> fields = new ArrayList<>(HistoryCsv.HEADER.size());
        fields.add(key);
        if (value != null) {
            fields.add(value);
        }
        while (fields.size() < HistoryCsv.HEADER.size()) {
            fields.add("");
        }
        return fields;
    }

    static String number(double value) {
        return NumberOutput.toString(value, true);
    }
}
