package io.govflow.store.export;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.govflow.store.check.IsoTimestamps;

/** What the writer saw while streaming a history: counts per array, the seq range, the timestamps' shape. */
public final class HistoryStats {

    private final Map<String, Long> counts = new LinkedHashMap<>();
    private long rows;
    private long firstSeq;
    private long lastSeq;
    private boolean contiguous = true;
    private boolean timestampsIso = true;
    private @Nullable String lastTimestamp;

    void count(String array) {
        counts.merge(array, 1L, Long::sum);
    }

    void touch(String array) {
        counts.putIfAbsent(array, 0L);
    }

    /** Records one row of the pass that defines the row order (seq and timestamp). */
    void row(long seq, String ts) {
        if (rows == 0) {
            firstSeq = seq;
        } else if (seq != lastSeq + 1) {
            contiguous = false;
        }
        rows++;
        lastSeq = seq;
        lastTimestamp = ts;
        if (timestampsIso && !IsoTimestamps.isData(ts)) {
            timestampsIso = false;
        }
    }

    public long rows() {
        return rows;
    }

    public long firstSeq() {
        return firstSeq;
    }

    public long lastSeq() {
        return lastSeq;
    }

    public boolean contiguous() {
        return contiguous;
    }

    public boolean timestampsIso() {
        return timestampsIso;
    }

    public @Nullable String lastTimestamp() {
        return lastTimestamp;
    }

    /** Every array written has as many elements as there are rows. */
    public boolean arraysSameLength() {
        return counts.values().stream().allMatch(n -> n == rows);
    }

    /** The history holds every update since the first: seqs 1..total_updates without a gap. */
    public boolean complete(long totalUpdates) {
        if (rows == 0) {
            return totalUpdates == 0;
        }
        return firstSeq == 1 && contiguous && lastSeq == totalUpdates;
    }
}
