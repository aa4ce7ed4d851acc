package io.govflow.store.agent;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.govflow.store.io.AtomicFileWriter;
import io.govflow.store.io.DataDirectory;
import io.govflow.store.io.Directories;
import io.govflow.store.io.FileFormatException;
import io.govflow.store.io.FileStamp;
import io.govflow.store.io.Fsync;
import io.govflow.store.io.LogText;
import io.govflow.store.io.NoFollow;
import io.govflow.store.io.StorageErrors;
import io.govflow.store.io.StoreHealth;
import io.govflow.store.io.StoreJson;
import io.govflow.store.io.Timestamps;

/**
 * The per-agent update log {@code agents/{id}_updates.jsonl}: one CRC-protected line per committed update,
 * append-only. An append is durable ({@code force}) before it returns: it is the commit point of an update.
 *
 * <p>Mutations ({@link #append}, {@link #repairTornTail}, {@link #writeAll}) must be called while holding the
 * agent's lock ({@code LockKey.agent(id)}). Reads take no lock: they skip a torn tail, which is exactly what an
 * append in progress looks like. A bad line before the last good one is corruption: {@code STATE_CORRUPT}.
 */
public final class UpdateLog implements UpdateLogStore {

    private static final Logger LOG = LoggerFactory.getLogger(UpdateLog.class);
    private static final int COPY_BUFFER = 64 * 1024;
    private static final String FILE = "update_log";

    private final DataDirectory dataDirectory;
    private final AtomicFileWriter writer;
    private final StoreHealth health;
    private final UpdateLogCodec codec;
    private final Clock clock;
    private final Fsync fsync;

    public UpdateLog(DataDirectory dataDirectory, AtomicFileWriter writer, StoreHealth health, StoreJson json,
            Clock clock) {
        this(dataDirectory, writer, health, json, clock, Fsync.SYSTEM);
    }

    public UpdateLog(DataDirectory dataDirectory, AtomicFileWriter writer, StoreHealth health, StoreJson json,
            Clock clock, Fsync fsync) {
        this.dataDirectory = dataDirectory;
        this.writer = writer;
        this.health = health;
        this.codec = new UpdateLogCodec(json);
        this.clock = clock;
        this.fsync = fsync;
    }

    /**
     * Appends one line and forces it to disk. Call under the agent lock. A torn tail left by an earlier failed
     * write is first copied to {@code quarantine/} and cut off. The entry's seq must follow the log's last seq
     * (any seq ≥ 1 starts an empty log), otherwise {@link IllegalStateException}: the caller did not load the
     * log's tail under the lock.
     *
     * <p>An append that starts at offset 0 also fsyncs the log's directory, whoever created the file (an earlier
     * append that failed may have left it empty). When an fsync fails, the line is cut back off (best effort) and
     * the answer is {@code STORAGE_ERROR} with {@code committed: "unknown"}: the line may have reached the device
     * before the error, so "nothing was written" cannot be claimed. The store is latched read-only.
     */
    @Override
    public long append(String agentId, UpdateLogEntry entry) {
        return append(agentId, entry, -1);
    }

    /**
     * {@link #append(String, UpdateLogEntry)} for a caller that knows where the log's last good line ends
     * ({@code knownEnd}, from its view of the log validated by a stat under the agent lock): when the file still
     * ends there, the end is not read again. {@code -1}: unknown, the end is read and checked.
     *
     * @return the log's end offset after the appended line
     */
    @Override
    public long append(String agentId, UpdateLogEntry entry, long knownEnd) {
        health.checkNotReadOnly();
        Path log = dataDirectory.updateLog(agentId);
        byte[] line = codec.encode(entry);
        Path dir = Objects.requireNonNull(log.getParent());
        dataDirectory.ensureDirectory(dir);
        FileChannel channel = openForAppend(log);
        try {
            long end = knownEnd > 0 && channel.size() == knownEnd ? knownEnd
                    : prepareTail(agentId, log, channel, entry.seq());
            writeLine(channel, line, end, log);
            makeDurable(channel, end, log, dir);
            return end + line.length;
        } catch (IOException e) {
            throw StorageErrors.writeFailed("reading the size of update log", log, e);
        } catch (FileFormatException e) {
            throw AgentFileErrors.stateCorrupt(agentId, FILE, log, e);
        } finally {
            closeQuietly(channel, log);
        }
    }

    /**
     * The log file's stamp (its identity and size) without following a link; null when there is no log. Under the
     * agent lock an unchanged stamp means an unchanged log: every writer appends or replaces it under that lock.
     */
    @Override
    public @Nullable FileStamp stamp(String agentId) {
        Path log = dataDirectory.updateLog(agentId);
        try {
            return FileStamp.of(log);
        } catch (IOException e) {
            throw StorageErrors.readFailed("update log attributes", log, e);
        }
    }

    /** The last {@code n} entries in log order (fewer if the log is shorter); reads only the end of the file. */
    @Override
    public List<UpdateLogEntry> readTail(String agentId, int n) {
        if (n <= 0) {
            return List.of();
        }
        return readBackwards(agentId, List.of(), tail -> {
            Deque<UpdateLogEntry> entries = new ArrayDeque<>(Math.min(n, 1024));
            UpdateLogEntry entry;
            while (entries.size() < n && (entry = tail.previous()) != null) {
                entries.addFirst(entry);
            }
            return List.copyOf(entries);
        });
    }

    /** The last committed entry, if any. */
    @Override
    public Optional<UpdateLogEntry> last(String agentId) {
        return readBackwards(agentId, Optional.empty(), tail -> Optional.ofNullable(tail.previous()));
    }

    /**
     * The first committed entry, if any; reads only the start of the file. A bad first line followed by more lines
     * is corruption ({@code STATE_CORRUPT}); a bad lone line is a torn tail (no entry yet).
     */
    @Override
    public Optional<UpdateLogEntry> first(String agentId) {
        return readForwards(agentId, Optional.empty(), lines -> {
            LogLine line = lines.next();
            if (line == null || !line.terminated()) {
                return Optional.empty();
            }
            if (line.verifies()) {
                return Optional.of(decode(line));
            }
            if (lines.next() == null) {
                return Optional.empty();
            }
            throw new FileFormatException("bad update-log line at offset 0");
        });
    }

    /**
     * Bytes after the last good line (an append that never completed, or a damaged last line); 0 when there are
     * none or there is no log. Reads only the end of the file and takes no lock.
     */
    @Override
    public long tornTailBytes(String agentId) {
        return readBackwards(agentId, 0L, TailReader::tornBytes);
    }

    /** The last committed seq and where the last good line ends, from one read of the end of the file. */
    @Override
    public LogEnd end(String agentId) {
        return readBackwards(agentId, LogEnd.NONE, tail -> {
            UpdateLogEntry last = tail.previous();
            return new LogEnd(last, tail.goodLength(), tail.tornBytes());
        });
    }

    /** The last committed seq; 0 when there is no log. Reads only the last line. */
    @Override
    public long lastSeq(String agentId) {
        return last(agentId).map(UpdateLogEntry::seq).orElse(0L);
    }

    /** Streams every committed entry in order with flat memory (a torn tail is not an entry). */
    @Override
    public void forEach(String agentId, Consumer<? super UpdateLogEntry> action) {
        readForwards(agentId, Boolean.FALSE, lines -> {
            visitGoodLines(lines, line -> action.accept(decode(line)));
            return Boolean.TRUE;
        });
    }

    /** Reads the whole log and reports its shape (seq range, contiguity, torn tail). */
    @Override
    public LogScan scan(String agentId) {
        return readForwards(agentId, LogScan.EMPTY, lines -> {
            LogScan.Tally tally = new LogScan.Tally();
            visitGoodLines(lines, line -> tally.add(decode(line), line.end()));
            return tally.result(lines.offset());
        });
    }

    /**
     * Copies a torn tail to {@code quarantine/} and truncates the log to its last good line. Call under the agent
     * lock. Returns false when there was nothing to repair.
     */
    @Override
    public boolean repairTornTail(String agentId) {
        health.checkNotReadOnly();
        Path log = dataDirectory.updateLog(agentId);
        if (Files.notExists(log)) {
            return false;
        }
        FileChannel channel = openForAppend(log);
        try {
            long size = channel.size();
            TailReader tail = new TailReader(channel, size, codec);
            if (tail.tornBytes() == 0) {
                return false;
            }
            quarantineTornTail(agentId, log, channel, tail.goodLength(), size);
            return true;
        } catch (IOException e) {
            throw StorageErrors.writeFailed("repairing update log", log, e);
        } finally {
            closeQuietly(channel, log);
        }
    }

    /** Replaces the whole log atomically (migration and repair rebuild it this way). Call under the agent lock. */
    @Override
    public void writeAll(String agentId, Iterable<UpdateLogEntry> entries) {
        writer.write(dataDirectory.updateLog(agentId), out -> {
            for (UpdateLogEntry entry : entries) {
                out.write(codec.encode(entry));
            }
        });
    }

    /** Deletes the log durably (admin purge). Call under the agent lock. */
    @Override
    public boolean delete(String agentId) {
        return dataDirectory.deleteDurably(dataDirectory.updateLog(agentId));
    }

    private long prepareTail(String agentId, Path log, FileChannel channel, long seq) {
        try {
            long size = channel.size();
            if (size == 0) {
                return 0;
            }
            TailReader tail = new TailReader(channel, size, codec);
            UpdateLogEntry last = tail.previous();
            if (last != null && seq != last.seq() + 1) {
                throw new IllegalStateException("update-log seq " + seq + " does not follow " + last.seq());
            }
            if (tail.tornBytes() > 0) {
                quarantineTornTail(agentId, log, channel, tail.goodLength(), size);
            }
            return tail.goodLength();
        } catch (IOException e) {
            throw StorageErrors.writeFailed("reading the end of update log", log, e);
        }
    }

    private void quarantineTornTail(String agentId, Path log, FileChannel channel, long goodLength, long size)
            throws IOException {
        Path target = dataDirectory.quarantineDir().resolve(agentId + "_updates.torn-" + Timestamps.fileStamp(clock)
                + "-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()));
        writer.write(target, out -> copyRegion(channel, goodLength, size, out));
        channel.truncate(goodLength);
        force(channel, true, "update log", log);
        LOG.warn("Moved {} torn byte(s) at the end of agent {}'s update log to {}", size - goodLength,
                LogText.safe(agentId), LogText.safe(target.getFileName()));
    }

    private void writeLine(FileChannel channel, byte[] line, long position, Path log) {
        ByteBuffer buffer = ByteBuffer.wrap(line);
        try {
            while (buffer.hasRemaining()) {
                channel.write(buffer, position + buffer.position());
            }
        } catch (IOException e) {
            cutBack(channel, position, log);
            throw StorageErrors.writeFailed("appending to update log", log, e);
        }
    }

    private void makeDurable(FileChannel channel, long end, Path log, Path dir) {
        String what = "update log";
        Path path = log;
        try {
            fsync.file(channel, log, false);
            if (end == 0) {
                what = "directory";
                path = dir;
                fsync.directory(dir);
            }
        } catch (IOException e) {
            cutBack(channel, end, log);
            throw StorageErrors.syncFailed(health, what, path, e);
        }
    }

    /** Best effort after a failed write; whatever stays is a torn tail that the next append repairs. */
    private static void cutBack(FileChannel channel, long position, Path log) {
        try {
            channel.truncate(position);
        } catch (IOException e) {
            LOG.warn("Could not cut a failed append from {}: {}", LogText.safe(log), LogText.safe(e));
        }
    }

    private void force(FileChannel channel, boolean metaData, String what, Path path) {
        try {
            fsync.file(channel, path, metaData);
        } catch (IOException e) {
            throw StorageErrors.syncFailed(health, what, path, e);
        }
    }

    private static FileChannel openForAppend(Path log) {
        try {
            return FileChannel.open(log, Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS), Directories.fileAttributes(log));
        } catch (IOException e) {
            throw StorageErrors.writeFailed("opening update log", log, e);
        }
    }

    private static void copyRegion(FileChannel channel, long from, long to, OutputStream out) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(COPY_BUFFER);
        long position = from;
        while (position < to) {
            buffer.clear().limit((int) Math.min(COPY_BUFFER, to - position));
            int n = channel.read(buffer, position);
            if (n < 0) {
                break;
            }
            out.write(buffer.array(), 0, n);
            position += n;
        }
    }

    private <T> T readBackwards(String agentId, T whenAbsent, TailFunction<T> function) {
        Path log = dataDirectory.updateLog(agentId);
        try (FileChannel channel = FileChannel.open(log, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            return function.apply(new TailReader(channel, channel.size(), codec));
        } catch (NoSuchFileException e) {
            return whenAbsent;
        } catch (FileFormatException e) {
            throw AgentFileErrors.stateCorrupt(agentId, FILE, log, e);
        } catch (IOException e) {
            throw NoFollow.isLink(e) ? AgentFileErrors.stateCorrupt(agentId, FILE, log, e)
                    : StorageErrors.readFailed("update log", log, e);
        }
    }

    private <T> T readForwards(String agentId, T whenAbsent, LinesFunction<T> function) {
        Path log = dataDirectory.updateLog(agentId);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(log, StandardOpenOption.READ,
                LinkOption.NOFOLLOW_LINKS), COPY_BUFFER)) {
            return function.apply(new ForwardLineReader(in));
        } catch (NoSuchFileException e) {
            return whenAbsent;
        } catch (FileFormatException e) {
            throw AgentFileErrors.stateCorrupt(agentId, FILE, log, e);
        } catch (IOException e) {
            throw NoFollow.isLink(e) ? AgentFileErrors.stateCorrupt(agentId, FILE, log, e)
                    : StorageErrors.readFailed("update log", log, e);
        }
    }

    /**
     * Hands every good line to the visitor and stops at a torn tail; a bad line that is followed by more lines is
     * corruption.
     */
    private static void visitGoodLines(ForwardLineReader lines, Consumer<LogLine> visitor) throws IOException {
        LogLine line = lines.next();
        while (line != null && line.terminated()) {
            LogLine following = lines.next();
            if (line.verifies()) {
                visitor.accept(line);
            } else if (following == null) {
                return;
            } else {
                throw new FileFormatException("bad update-log line at offset " + line.start());
            }
            line = following;
        }
    }

    private UpdateLogEntry decode(LogLine line) {
        return codec.decode(line.bytes(), 0, line.bytes().length);
    }

    private static void closeQuietly(FileChannel channel, Path log) {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.warn("Could not close update log {}: {}", LogText.safe(log), LogText.safe(e));
        }
    }

    @FunctionalInterface
    private interface TailFunction<T> {
        T apply(TailReader tail) throws IOException;
    }

    @FunctionalInterface
    private interface LinesFunction<T> {
        T apply(ForwardLineReader lines) throws IOException;
    }
}
