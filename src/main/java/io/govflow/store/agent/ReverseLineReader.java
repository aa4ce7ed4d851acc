package io.govflow.store.agent;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

import org.jspecify.annotations.Nullable;

/**
 * Reads a file's lines from the end backwards in blocks, so reading the tail costs the same however long the
 * file is. The first call returns what follows the last newline (empty when the file ends with one), later calls
 * return complete lines.
 */
final class ReverseLineReader {

    private static final int BLOCK = 16 * 1024;

    private final FileChannel channel;
    private final byte[] block = new byte[BLOCK];
    private long blockStart;
    private int blockLength;
    /** Exclusive end of the next line to return; -1 once the start of the file was passed. */
    private long cursor;
    private boolean first = true;

    ReverseLineReader(FileChannel channel, long size) {
        this.channel = channel;
        this.cursor = size;
    }

    @Nullable LogLine previous() throws IOException {
        if (cursor < 0) {
            return null;
        }
        long newline = lastNewlineBefore(cursor);
        long start = newline + 1;
        long length = cursor - start;
        byte[] bytes = read(start, (int) Math.min(length, LogLine.MAX_LENGTH + 1L));
        LogLine line = new LogLine(start, bytes, length, !first);
        first = false;
        cursor = newline;
        return line;
    }

    private long lastNewlineBefore(long end) throws IOException {
        long pos = end - 1;
        while (pos >= 0) {
            if (pos < blockStart || pos >= blockStart + blockLength) {
                load(pos);
            }
            for (int i = (int) (pos - blockStart); i >= 0; i--) {
                if (block[i] == '\n') {
                    return blockStart + i;
                }
            }
            pos = blockStart - 1;
        }
        return -1;
    }

    /** Loads the block that ends at {@code pos} (inclusive). */
    private void load(long pos) throws IOException {
        long start = Math.max(0, pos + 1 - BLOCK);
        int length = (int) (pos + 1 - start);
        readFully(start, block, length);
        blockStart = start;
        blockLength = length;
    }

    private byte[] read(long start, int length) throws IOException {
        byte[] bytes = new byte[length];
        if (start >= blockStart && start + length <= blockStart + blockLength) {
            System.arraycopy(block, (int) (start - blockStart), bytes, 0, length);
        } else {
            readFully(start, bytes, length);
        }
        return bytes;
    }

    private void readFully(long position, byte[] target, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(target, 0, length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new EOFException("file shrank while it was read");
            }
        }
    }
}
