package io.govflow.flow.fleet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.SortedMap;
import java.util.TreeMap;

import io.govflow.flow.auth.ApiKeys;
import io.govflow.store.agent.AgentRecord;
import io.govflow.store.agent.MetadataCodec;
import io.govflow.store.agent.UpdateLogCodec;
import io.govflow.store.agent.UpdateLogEntry;
import io.govflow.store.io.DataDirectory;
import io.govflow.store.io.StoreJson;
import io.govflow.store.io.Timestamps;

/**
 * Agents written straight into a data directory before the service starts, with chosen attention, coherence and
 * decisions per line (values the engine would not produce on demand), so the anomaly rules can be driven end to
 * end. Lines are encoded by the store's own codec; the service rolls the records forward from the logs.
 */
final class FleetLogs {

    /** The value of each line, by its 0-based index. */
    interface Values {
        double at(int index);
    }

    /** Whether the line at a 0-based index decided pause. */
    interface Pauses {
        boolean at(int index);
    }

    private final DataDirectory files;
    private final StoreJson json = new StoreJson();
    private final SortedMap<String, AgentRecord> records = new TreeMap<>();
    private final Instant base = Instant.now().minusSeconds(7200);

    FleetLogs(Path dataDir) {
        this.files = new DataDirectory(dataDir);
    }

    FleetLogs add(String agentId, int lines, Values attention, Values coherence, Pauses pauses) {
        String created = Timestamps.format(base);
        records.put(agentId, AgentRecord.newAgent(agentId, created, ApiKeys.hash(ApiKeys.generate())));
        UpdateLogCodec codec = new UpdateLogCodec(json);
        try {
            Files.createDirectories(files.agentsDir());
            try (var out = Files.newOutputStream(files.updateLog(agentId))) {
                for (int k = 0; k < lines; k++) {
                    String ts = Timestamps.format(base.plusSeconds(k + 1));
                    out.write(codec.encode(line(k + 1, ts, attention.at(k), coherence.at(k), pauses.at(k))));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    void writeMetadata() {
        try {
            Files.write(files.metadataFile(), new MetadataCodec(json).format(records));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static UpdateLogEntry line(long seq, String ts, double attention, double coherence, boolean pause) {
        return new UpdateLogEntry(seq, ts, 0.7, 0.8, 0.2, 0.0, coherence, attention, pause ? "pause" : "proceed",
                0.125, 0.125, 0.1, pause ? "high-risk" : "safe", false, "healthy", 1.0, 0.5, 0.0, 0.0, 0.0,
                seq * 0.1, 0, null, null);
    }
}
