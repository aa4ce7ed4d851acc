package io.govflow.store.export;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.govflow.store.check.IsoTimestamps;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Reads one history document from a parser positioned on its {@code START_OBJECT}, keeping only counts and a few
 * values, so a document of any length is checked with flat memory. Unknown fields are skipped.
 */
final class HistoryScan {

    static final Set<String> NUMBER_ARRAYS = Set.of("E_history", "I_history", "S_history", "V_history",
            "coherence_history", "attention_history", "risk_history", "lambda1_history", "update_seq");
    static final Set<String> STRING_ARRAYS = Set.of("timestamps", "timestamp_history", "decision_history");

    /** Array name → element count (arrays of the wrong element type count as {@link #badElements}). */
    final Map<String, Long> lengths = new LinkedHashMap<>();
    final Map<String, Long> badElements = new LinkedHashMap<>();
    /** Array name → numbers that are not finite ({@code NaN}, {@code Infinity}: never valid JSON, never ours). */
    final Map<String, Long> nonFinite = new LinkedHashMap<>();
    /** Order-sensitive hash of each numeric array's values, to compare the attention/risk aliases. */
    final Map<String, Long> hashes = new LinkedHashMap<>();
    final Map<String, JsonToken> scalars = new LinkedHashMap<>();
    @Nullable String agentId;
    @Nullable Long totalUpdates;
    long badTimestamps;
    @Nullable String lastTimestamp;
    long firstSeq;
    long lastSeq;
    boolean seqContiguous = true;

    static HistoryScan read(JsonParser parser) {
        HistoryScan scan = new HistoryScan();
        for (JsonToken token = parser.nextToken(); token == JsonToken.PROPERTY_NAME; token = parser.nextToken()) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (value == JsonToken.START_ARRAY && (NUMBER_ARRAYS.contains(name) || STRING_ARRAYS.contains(name))) {
                scan.array(parser, name);
            } else {
                scan.scalar(parser, name, value);
            }
        }
        return scan;
    }

    private void scalar(JsonParser parser, String name, JsonToken value) {
        scalars.put(name, value);
        if ("agent_id".equals(name) && value == JsonToken.VALUE_STRING) {
            agentId = parser.getString();
        } else if ("total_updates".equals(name) && value == JsonToken.VALUE_NUMBER_INT) {
            totalUpdates = parser.getLongValue();
        }
        parser.skipChildren();
    }

    private void array(JsonParser parser, String name) {
        boolean numbers = NUMBER_ARRAYS.contains(name);
        boolean timestamps = "timestamps".equals(name) || "timestamp_history".equals(name);
        long count = 0;
        long bad = 0;
        long notFinite = 0;
        long hash = 17;
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            count++;
            if (numbers && token.isNumeric()) {
                double value = parser.getDoubleValue();
                hash = hash * 31 + Double.doubleToLongBits(value);
                if (!Double.isFinite(value)) {
                    notFinite++;
                }
                if ("update_seq".equals(name)) {
                    seq(count, parser.getLongValue());
                }
            } else if (!numbers && token == JsonToken.VALUE_STRING) {
                if (timestamps) {
                    timestamp(parser.getString());
                }
            } else {
                bad++;
                parser.skipChildren();
            }
        }
        lengths.put(name, count);
        badElements.put(name, bad);
        nonFinite.put(name, notFinite);
        hashes.put(name, hash);
    }

    private void seq(long index, long seq) {
        if (index == 1) {
            firstSeq = seq;
        } else if (seq != lastSeq + 1) {
            seqContiguous = false;
        }
        lastSeq = seq;
    }

    private void timestamp(String value) {
        if (!IsoTimestamps.isData(value)) {
            badTimestamps++;
        }
        lastTimestamp = value;
    }

    @Nullable Long length(String name) {
        return lengths.get(name);
    }

    String timestampsName() {
        return lengths.containsKey("timestamps") || !lengths.containsKey("timestamp_history") ? "timestamps"
                : "timestamp_history";
    }
}
