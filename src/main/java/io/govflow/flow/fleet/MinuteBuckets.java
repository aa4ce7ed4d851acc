package io.govflow.flow.fleet;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Updates per minute over the last hour, fleet-wide: one counter per minute in a ring of {@link #MINUTES}, each
 * tagged with the minute it counts, so a minute nobody wrote in reads 0 and old counts are dropped by being
 * overwritten. Lines stamped in the future (another instance's clock) count in the current minute.
 */
final class MinuteBuckets {

    static final int MINUTES = 60;

    private final long[] minuteOf = new long[MINUTES];
    private final long[] counts = new long[MINUTES];

    MinuteBuckets() {
        java.util.Arrays.fill(minuteOf, Long.MIN_VALUE);
    }

    /** Counts one update made at {@code at}; older than the hour before {@code now}, it is not counted. */
    synchronized void record(Instant at, Instant now) {
        long current = minuteOf(now);
        long minute = Math.min(minuteOf(at), current);
        if (minute <= current - MINUTES) {
            return;
        }
        int slot = (int) Math.floorMod(minute, (long) MINUTES);
        if (minuteOf[slot] != minute) {
            minuteOf[slot] = minute;
            counts[slot] = 0;
        }
        counts[slot]++;
    }

    /** The last {@link #MINUTES} minutes up to the one {@code now} is in, oldest first. */
    synchronized List<MinuteCount> lastHour(Instant now) {
        long current = minuteOf(now);
        List<MinuteCount> out = new ArrayList<>(MINUTES);
        for (long minute = current - MINUTES + 1; minute <= current; minute++) {
            int slot = (int) Math.floorMod(minute, (long) MINUTES);
            long count = minuteOf[slot] == minute ? counts[slot] : 0;
            out.add(new MinuteCount(Instant.ofEpochSecond(minute * 60), count));
        }
        return out;
    }

    private static long minuteOf(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), 60L);
    }
}
