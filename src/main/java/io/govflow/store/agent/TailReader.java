package io.govflow.store.agent;

import java.io.IOException;
import java.nio.channels.FileChannel;

import org.jspecify.annotations.Nullable;

import io.govflow.store.io.FileFormatException;

/**
 * Walks an update log backwards from its last good line. A torn tail (bytes after the last newline, or a last
 * line that fails its CRC) is an unacknowledged write and is stepped over; any bad line before the last good one
 * is corruption ({@link FileFormatException}).
 */
final class TailReader {

    private final ReverseLineReader lines;
    private final UpdateLogCodec codec;
    private final long size;
    private final long goodLength;
    private @Nullable LogLine next;

    TailReader(FileChannel channel, long size, UpdateLogCodec codec) throws IOException {
        this.lines = new ReverseLineReader(channel, size);
        this.codec = codec;
        this.size = size;
        LogLine partial = lines.previous();
        LogLine last = lines.previous();
        if (partial != null && partial.length() > 0) {
            goodLength = partial.start();
            next = last;
        } else if (last != null && !last.verifies()) {
            goodLength = last.start();
            next = lines.previous();
        } else {
            goodLength = size;
            next = last;
        }
    }

    /** Length of the log up to and including its last good line. */
    long goodLength() {
        return goodLength;
    }

    long tornBytes() {
        return size - goodLength;
    }

    /** The next older entry, or null before the first line. */
    @Nullable UpdateLogEntry previous() throws IOException {
        LogLine line = next;
        if (line == null) {
            return null;
        }
        next = lines.previous();
        if (!line.verifies()) {
            throw new FileFormatException("bad update-log line at offset " + line.start());
        }
        return codec.decode(line.bytes(), 0, line.bytes().length);
    }
}
