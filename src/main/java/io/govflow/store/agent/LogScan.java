package io.govflow.store.agent;

/**
 * The result of reading a whole update log.
 *
 * @param entries number of good lines
 * @param firstSeq seq of the first good line (0 when there is none)
 * @param lastSeq seq of the last good line (0 when there is none)
 * @param contiguous every seq is the previous one plus 1
 * @param tornTail bytes after the last good line (an unterminated line or a last line failing its CRC); 0 if none
 * @param goodLength length of the log up to and including its last good line
 * @param nonFiniteLines good lines holding a number that is not finite (NaN or Infinity, written by older versions)
 * @param firstNonFiniteSeq seq of the first of them (0 when there is none)
 */
public record LogScan(long entries, long firstSeq, long lastSeq, boolean contiguous, long tornTail,
        long goodLength, long nonFiniteLines, long firstNonFiniteSeq) {

    public static final LogScan EMPTY = new LogScan(0, 0, 0, true, 0, 0);

    /** A log whose lines are all finite. */
    public LogScan(long entries, long firstSeq, long lastSeq, boolean contiguous, long tornTail, long goodLength) {
        this(entries, firstSeq, lastSeq, contiguous, tornTail, goodLength, 0, 0);
    }

    public boolean hasTornTail() {
        return tornTail > 0;
    }

    /** Running totals over a log's good lines in order; {@link #result} is the scan. */
    public static final class Tally {
        private long entries;
        private long firstSeq;
        private long lastSeq;
        private boolean contiguous = true;
        private long goodLength;
        private long nonFiniteLines;
        private long firstNonFiniteSeq;

        /** Counts the next good line, which ends at {@code end}. */
        public void add(UpdateLogEntry entry, long end) {
            long seq = entry.seq();
            if (!entry.allFinite()) {
                nonFiniteLines++;
                firstNonFiniteSeq = firstNonFiniteSeq == 0 ? seq : firstNonFiniteSeq;
            }
            if (entries == 0) {
                firstSeq = seq;
            } else if (seq != lastSeq + 1) {
                contiguous = false;
            }
            entries++;
            lastSeq = seq;
            goodLength = end;
        }

        /** The scan of a log of {@code size} bytes. */
        public LogScan result(long size) {
            return new LogScan(entries, firstSeq, lastSeq, contiguous, size - goodLength, goodLength, nonFiniteLines,
                    firstNonFiniteSeq);
        }
    }
}
