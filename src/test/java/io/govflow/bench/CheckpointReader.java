package io.govflow.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.govflow.store.agent.AgentRecord;
import io.govflow.store.agent.MetadataCodec;
import io.govflow.store.agent.UpdateLog;
import io.govflow.store.agent.UpdateLogEntry;
import io.govflow.store.io.AtomicFileWriter;
import io.govflow.store.io.DataDirectory;
import io.govflow.store.io.StoreHealth;
import io.govflow.store.io.StoreJson;

/**
 * Reads, from outside the service, how far each agent's checkpoints (state file {@code update_count}, metadata
 * {@code total_updates}) are behind its update log. The log is read first and the checkpoints after it: the log
 * only grows, so a lag seen this way existed for at least the time between the two reads (a lower bound, never a
 * lag that was not there).
 */
final class CheckpointReader {

    private static final Pattern UPDATE_COUNT = Pattern.compile("\"update_count\"\\s*:\\s*(\\d+)");
    private static final int STATE_HEAD_BYTES = 4096;

    private final DataDirectory dataDirectory;
    private final UpdateLog log;
    private final MetadataCodec metadataCodec;

    CheckpointReader(Path dataDir) {
        StoreHealth health = new StoreHealth();
        StoreJson json = new StoreJson();
        this.dataDirectory = new DataDirectory(dataDir);
        this.log = new UpdateLog(dataDirectory, new AtomicFileWriter(health), health, json, Clock.systemUTC());
        this.metadataCodec = new MetadataCodec(json);
    }

    /** One look at the given agents. */
    Lag sample(Collection<String> agentIds) {
        Map<String, Long> logSeqs = new HashMap<>();
        for (String id : agentIds) {
            logSeqs.put(id, log.lastSeq(id));
        }
        SortedMap<String, AgentRecord> metadata = metadata();
        Instant now = Instant.now();
        Lag lag = Lag.NONE;
        for (Map.Entry<String, Long> agent : logSeqs.entrySet()) {
            String id = agent.getKey();
            long logSeq = agent.getValue();
            long state = stateUpdateCount(id).orElse(0);
            AgentRecord record = metadata.get(id);
            long total = record == null ? 0 : record.totalUpdates();
            lag = lag.max(new Lag(Math.max(0, logSeq - state), age(id, logSeq, state, now),
                    Math.max(0, logSeq - total), age(id, logSeq, total, now)));
        }
        return lag;
    }

    /** Agents whose files agree exactly: metadata {@code total_updates} == state {@code update_count} == last seq. */
    long agentsAtTheirLogs(Collection<String> agentIds) {
        SortedMap<String, AgentRecord> metadata = metadata();
        return agentIds.stream().filter(id -> {
            long seq = log.lastSeq(id);
            AgentRecord record = metadata.get(id);
            return record != null && record.totalUpdates() == seq && stateUpdateCount(id).orElse(-1) == seq;
        }).count();
    }

    /** Seconds since the oldest log line after the checkpoint was committed (its {@code ts}); 0 without a lag. */
    private double age(String agentId, long logSeq, long checkpoint, Instant now) {
        if (logSeq <= checkpoint) {
            return 0;
        }
        List<UpdateLogEntry> tail = log.readTail(agentId, (int) Math.min(Integer.MAX_VALUE, logSeq - checkpoint));
        if (tail.isEmpty()) {
            return 0;
        }
        Instant committed = LocalDateTime.parse(tail.get(0).ts()).toInstant(ZoneOffset.UTC);
        return Math.max(0, (now.toEpochMilli() - committed.toEpochMilli()) / 1000.0);
    }

    private SortedMap<String, AgentRecord> metadata() {
        try {
            return metadataCodec.parse(Files.readAllBytes(dataDirectory.metadataFile())).records();
        } catch (NoSuchFileException e) {
            return Collections.emptySortedMap();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code update_count} from the head of the state file (it comes before the long history arrays). */
    private OptionalLong stateUpdateCount(String agentId) {
        byte[] head;
        try (InputStream in = Files.newInputStream(dataDirectory.stateFile(agentId))) {
            head = in.readNBytes(STATE_HEAD_BYTES);
        } catch (NoSuchFileException e) {
            return OptionalLong.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Matcher m = UPDATE_COUNT.matcher(new String(head, StandardCharsets.UTF_8));
        return m.find() ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
    }

    /** The largest lags seen: state file and metadata, in lines and in seconds. */
    record Lag(long stateLines, double stateSeconds, long metadataLines, double metadataSeconds) {

        static final Lag NONE = new Lag(0, 0, 0, 0);

        Lag max(Lag other) {
            return new Lag(Math.max(stateLines, other.stateLines), Math.max(stateSeconds, other.stateSeconds),
                    Math.max(metadataLines, other.metadataLines), Math.max(metadataSeconds, other.metadataSeconds));
        }

        long lines() {
            return Math.max(stateLines, metadataLines);
        }

        double seconds() {
            return Math.max(stateSeconds, metadataSeconds);
        }
    }
}
