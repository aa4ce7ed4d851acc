package io.govflow.store.agent;

/**
 * A line of the update log as found on disk: where it starts, its bytes without the newline (only the first
 * {@link #MAX_LENGTH} + 1 are kept, a longer line is never valid), and whether a newline ended it.
 */
record LogLine(long start, byte[] bytes, long length, boolean terminated) {

    /** Far above any line the codec writes; longer lines are damage, not data. */
    static final int MAX_LENGTH = 1 << 20;

    boolean verifies() {
        return length <= MAX_LENGTH && UpdateLogCodec.verify(bytes, 0, bytes.length);
    }

    /** Offset just after this line (and its newline, if it has one). */
    long end() {
        return start + length + (terminated ? 1 : 0);
    }
}
