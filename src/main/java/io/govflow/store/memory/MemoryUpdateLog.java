package io.govflow.store.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import io.govflow.store.agent.LogEnd;
import io.govflow.store.agent.LogScan;
import io.govflow.store.agent.UpdateLogCodec;
import io.govflow.store.agent.UpdateLogEntry;
import io.govflow.store.agent.UpdateLogStore;
import io.govflow.store.io.FileStamp;
import io.govflow.store.io.StoreJson;

/**
 * Update logs in memory: each line is encoded as the file store would write it (so its size is the log's end) and
 * kept decoded. Nothing is durable.
 */
public final class MemoryUpdateLog implements UpdateLogStore {

    private final UpdateLogCodec codec;
    private final ConcurrentHashMap<String, Log> logs = new ConcurrentHashMap<>();

    /** One agent's log; a new object (a new identity) whenever the log is replaced. */
    private static final class Log {
        private final List<UpdateLogEntry> entries = new ArrayList<>();
        private long bytes;
    }

    public MemoryUpdateLog(StoreJson json) {
        this.codec = new UpdateLogCodec(json);
    }

    @Override
    public long append(String agentId, UpdateLogEntry entry, long knownEnd) {
        int length = codec.encode(entry).length;
        Log log = logs.computeIfAbsent(agentId, id -> new Log());
        synchronized (log) {
            if (!log.entries.isEmpty()) {
                long last = log.entries.get(log.entries.size() - 1).seq();
                if (entry.seq() != last + 1) {
                    throw new IllegalStateException("update-log seq " + entry.seq() + " does not follow " + last);
                }
            }
            log.entries.add(entry);
            log.bytes += length;
            return log.bytes;
        }
    }

    @Override
    public @Nullable FileStamp stamp(String agentId) {
        Log log = logs.get(agentId);
        if (log == null) {
            return null;
        }
        synchronized (log) {
            return new FileStamp(log.bytes, 0, log, true);
        }
    }

    @Override
    public List<UpdateLogEntry> readTail(String agentId, int n) {
        List<UpdateLogEntry> all = entries(agentId);
        return List.copyOf(all.subList(Math.max(0, all.size() - Math.max(0, n)), all.size()));
    }

    @Override
    public Optional<UpdateLogEntry> last(String agentId) {
        List<UpdateLogEntry> tail = readTail(agentId, 1);
        return tail.isEmpty() ? Optional.empty() : Optional.of(tail.get(0));
    }

    @Override
    public Optional<UpdateLogEntry> first(String agentId) {
        List<UpdateLogEntry> all = entries(agentId);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    @Override
    public long tornTailBytes(String agentId) {
        return 0;
    }

    @Override
    public LogEnd end(String agentId) {
        Log log = logs.get(agentId);
        if (log == null) {
            return LogEnd.NONE;
        }
        synchronized (log) {
            UpdateLogEntry last = log.entries.isEmpty() ? null : log.entries.get(log.entries.size() - 1);
            return new LogEnd(last, log.bytes, 0);
        }
    }

    @Override
    public void forEach(String agentId, Consumer<? super UpdateLogEntry> action) {
        entries(agentId).forEach(action);
    }

    @Override
    public LogScan scan(String agentId) {
        Log log = logs.get(agentId);
        if (log == null) {
            return LogScan.EMPTY;
        }
        synchronized (log) {
            List<UpdateLogEntry> all = log.entries;
            if (all.isEmpty()) {
                return new LogScan(0, 0, 0, true, 0, log.bytes);
            }
            boolean contiguous = true;
            for (int k = 1; k < all.size(); k++) {
                contiguous &= all.get(k).seq() == all.get(k - 1).seq() + 1;
            }
            return new LogScan(all.size(), all.get(0).seq(), all.get(all.size() - 1).seq(), contiguous, 0, log.bytes);
        }
    }

    @Override
    public boolean repairTornTail(String agentId) {
        return false;
    }

    @Override
    public void writeAll(String agentId, Iterable<UpdateLogEntry> entries) {
        Log replaced = new Log();
        for (UpdateLogEntry entry : entries) {
            replaced.entries.add(entry);
            replaced.bytes += codec.encode(entry).length;
        }
        logs.put(agentId, replaced);
    }

    private List<UpdateLogEntry> entries(String agentId) {
        Log log = logs.get(agentId);
        if (log == null) {
            return List.of();
        }
        synchronized (log) {
            return List.copyOf(log.entries);
        }
    }

    @Override
    public boolean delete(String agentId) {
        return logs.remove(agentId) != null;
    }
}
