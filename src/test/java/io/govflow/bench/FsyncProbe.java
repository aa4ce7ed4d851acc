package io.govflow.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * The machine's own cost of a durable append: a 600-byte write (an update-log line) followed by
 * {@code force(false)} (fdatasync), repeated, on the file system of the data directory. The floor under any durable
 * update's latency.
 */
final class FsyncProbe {

    private FsyncProbe() {
    }

    static Samples measure(Path dir, int appends) {
        Path file = dir.resolve("fsync-probe.bin");
        byte[] line = new byte[600];
        Arrays.fill(line, (byte) 'x');
        line[line.length - 1] = '\n';
        Samples samples = new Samples();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            long position = 0;
            for (int k = 0; k < appends; k++) {
                long begin = System.nanoTime();
                ByteBuffer buffer = ByteBuffer.wrap(line);
                while (buffer.hasRemaining()) {
                    position += channel.write(buffer, position);
                }
                channel.force(false);
                samples.add(System.nanoTime() - begin);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a scratch file in a scratch directory
            }
        }
        return samples;
    }
}
