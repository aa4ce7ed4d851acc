package io.govflow.bench;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Heap figures from a {@code -Xlog:gc} file: every collection logs {@code before->after(capacity)}. The largest
 * "before" is the peak the heap reached before a collection; the largest "after" is the most data that was live.
 */
final class GcLog {

    /** Collections only: the remark and cleanup pauses of a concurrent cycle print sizes too but free nothing. */
    private static final Pattern PAUSE = Pattern.compile("Pause (?:Young|Full)[^\\n]*? (\\d+)M->(\\d+)M\\((\\d+)M\\)");

    private GcLog() {
    }

    static long size(Path log) {
        try {
            return Files.exists(log) ? Files.size(log) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The collections logged after byte {@code from} of the file. */
    static Heap since(Path log, long from) {
        String text;
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            byte[] bytes = new byte[(int) Math.max(0, file.length() - from)];
            file.seek(from);
            file.readFully(bytes);
            text = new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Matcher m = PAUSE.matcher(text);
        long collections = 0;
        long before = 0;
        long after = 0;
        long capacity = 0;
        while (m.find()) {
            collections++;
            before = Math.max(before, Long.parseLong(m.group(1)));
            after = Math.max(after, Long.parseLong(m.group(2)));
            capacity = Math.max(capacity, Long.parseLong(m.group(3)));
        }
        return new Heap(collections, before, after, capacity);
    }

    /** Megabytes, as the log prints them. */
    record Heap(long collections, long maxBeforeMb, long maxAfterMb, long capacityMb) {
    }
}
