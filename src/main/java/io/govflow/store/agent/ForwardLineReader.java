package io.govflow.store.agent;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/** Reads a file's lines from the start with a fixed buffer (memory stays flat for any file length). */
final class ForwardLineReader {

    private static final int BUFFER = 64 * 1024;

    private final InputStream in;
    private final byte[] buffer = new byte[BUFFER];
    private int position;
    private int limit;
    private long offset;

    ForwardLineReader(InputStream in) {
        this.in = in;
    }

    /** Bytes consumed so far (the file's length once {@link #next()} returned null). */
    long offset() {
        return offset;
    }

    /** The next line, or null at the end of the file. */
    @Nullable LogLine next() throws IOException {
        long start = offset;
        byte[] line = new byte[256];
        int kept = 0;
        long length = 0;
        while (true) {
            if (position == limit && !fill()) {
                return length == 0 ? null : new LogLine(start, Arrays.copyOf(line, kept), length, false);
            }
            byte b = buffer[position++];
            offset++;
            if (b == '\n') {
                return new LogLine(start, Arrays.copyOf(line, kept), length, true);
            }
            length++;
            if (kept <= LogLine.MAX_LENGTH) {
                if (kept == line.length) {
                    line = Arrays.copyOf(line, line.length * 2);
                }
                line[kept++] = b;
            }
        }
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer);
        if (n <= 0) {
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }
}
