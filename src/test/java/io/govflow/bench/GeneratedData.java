package io.govflow.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SplittableRandom;
import java.util.TreeMap;

import io.govflow.flow.auth.ApiKeys;
import io.govflow.flow.update.CommittedHistory;
import io.govflow.flow.update.UpdateCommand;
import io.govflow.store.agent.AgentRecord;
import io.govflow.store.agent.MetadataCodec;
import io.govflow.store.agent.StateFileCodec;
import io.govflow.store.agent.UpdateLogCodec;
import io.govflow.store.io.DataDirectory;
import io.govflow.store.io.Directories;
import io.govflow.store.io.StoreJson;
import io.govflow.store.io.Timestamps;

/**
 * Agents written straight into a data directory in the store's format, without the API: metadata records with
 * hashed keys, update logs with their CRCs and state-file checkpoints at the logs' ends. Every line is computed by
 * the engine the way an update commits ({@link CommittedHistory}) and encoded by the store's own codecs, so the
 * files are what the service would have written. Files are not fsynced one by one; {@link #syncFileSystem} makes
 * the whole set durable at once before the service starts.
 */
final class GeneratedData {

    private static final int WINDOW = 1000;
    private static final String[] TEXTS = {
        "Summarised three papers on retrieval and listed their open questions.",
        "Refactored the parser; all tests pass and the API is unchanged.",
        "Drafted an answer to the customer and flagged one risky claim for review.",
        "Checked the deployment plan against the runbook and found two gaps.",
    };

    private final DataDirectory dataDirectory;
    private final StoreJson json = new StoreJson();
    private final UpdateLogCodec logCodec = new UpdateLogCodec(json);
    private final StateFileCodec stateCodec = new StateFileCodec(json);
    private final MetadataCodec metadataCodec = new MetadataCodec(json);
    private final Instant base;
    private final SortedMap<String, AgentRecord> records = new TreeMap<>();
    private final List<Agent> agents = new ArrayList<>();
    private final Map<String, Long> lines = new LinkedHashMap<>();

    /** @param longestHistory the most lines any agent will get: timestamps end in the past */
    GeneratedData(Path dataDir, long longestHistory) {
        this.dataDirectory = new DataDirectory(dataDir);
        this.base = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(longestHistory + 3600);
    }

    /** Adds one agent with {@code updates} committed updates, one second apart. */
    Agent add(String agentId, long updates) {
        String key = ApiKeys.generate();
        String created = Timestamps.format(base);
        CommittedHistory history = new CommittedHistory(AgentRecord.newAgent(agentId, created, ApiKeys.hash(key)),
                WINDOW);
        if (updates > 0) {
            writeLog(agentId, updates, history);
            write(dataDirectory.stateFile(agentId), stateCodec.format(history.stateFile()));
        }
        records.put(agentId, history.record());
        Agent agent = new Agent(agentId, key);
        agents.add(agent);
        lines.put(agentId, updates);
        return agent;
    }

    /** Writes {@code agent_metadata.json} with every agent added; returns them in the order added. */
    List<Agent> finish() {
        write(dataDirectory.metadataFile(), metadataCodec.format(records));
        return List.copyOf(agents);
    }

    /** Log lines written, by agent. */
    Map<String, Long> linesByAgent() {
        return Collections.unmodifiableMap(lines);
    }

    long lines() {
        return lines.values().stream().mapToLong(Long::longValue).sum();
    }

    /** One {@code syncfs} of the file system holding {@code dir}, so no write-back of the data set lands in a run. */
    static void syncFileSystem(Path dir) {
        try {
            Process sync = new ProcessBuilder("sync", "-f", dir.toString()).inheritIO().start();
            if (sync.waitFor() != 0) {
                throw new IllegalStateException("sync -f " + dir + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private void writeLog(String agentId, long updates, CommittedHistory history) {
        SplittableRandom random = new SplittableRandom(agentId.hashCode());
        Path log = dataDirectory.updateLog(agentId);
        try {
            Directories.createMissing(dataDirectory.agentsDir());
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(log), 256 * 1024)) {
                for (long seq = 1; seq <= updates; seq++) {
                    String ts = Timestamps.format(base.plusSeconds(seq));
                    out.write(logCodec.encode(history.next(command(random), ts)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static UpdateCommand command(SplittableRandom random) {
        double[] drift = { 0.1 * random.nextDouble(), 0.05 * random.nextDouble(), 0.02 * random.nextDouble() };
        return new UpdateCommand(0.3 + 0.4 * random.nextDouble(), 0.7 + 0.3 * random.nextDouble(), drift,
                TEXTS[random.nextInt(TEXTS.length)], false);
    }

    private static void write(Path file, byte[] content) {
        try {
            Directories.createMissing(file.toAbsolutePath().getParent());
            Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
