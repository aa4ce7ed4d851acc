package io.govflow.store.export;

import java.util.List;

import org.apache.commons.csv.CSVFormat;

/** The CSV layout shared by the writer and the validator. */
final class HistoryCsv {

    static final List<String> HEADER = List.of("update", "timestamp", "E", "I", "S", "V", "coherence",
            "attention_score", "decision", "lambda1");
    /** The seed's own documented layout: 8 columns, without V and coherence. */
    static final List<String> SEED_HEADER = List.of("update", "timestamp", "E", "I", "S", "attention_score",
            "decision", "lambda1");
    /** The reference's older column name for attention_score. */
    static final String LEGACY_ATTENTION = "risk";
    static final List<String> SUMMARY_KEYS = List.of("agent_id", "total_updates", "total_time", "lambda1_final");
    static final String SUMMARY = "Summary";

    /** RFC 4180: comma, double-quote quoting where needed, CRLF after every record, blank lines kept. */
    static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

    private HistoryCsv() {
    }
}
