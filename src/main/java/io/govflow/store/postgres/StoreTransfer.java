package io.govflow.store.postgres;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

import io.govflow.store.agent.MetadataCodec;
import io.govflow.store.agent.MetadataFile;
import io.govflow.store.agent.StateFile;
import io.govflow.store.agent.StateFileCodec;
import io.govflow.store.io.AtomicFileWriter;
import io.govflow.store.io.DataDirectory;
import io.govflow.store.io.FileFormatException;
import io.govflow.store.io.NoFollow;
import io.govflow.store.io.SafeIds;
import io.govflow.store.io.StorageErrors;

/**
 * Moves a data directory (the seed's layout, as the file store keeps it) into the database and back: metadata
 * records (damaged ones as stored), every update log line by line with its exact text, state checkpoints, and the
 * documents of the other stores through {@link DocumentTransfer}s. A torn tail (an append that never completed) is
 * not copied; a damaged line before the last good one stops the agent's copy with an error, so the operator repairs
 * the directory first. Exports stay files in the data directory every replica shares.
 */
public final class StoreTransfer {

    private static final String LOG_SUFFIX = "_updates.jsonl";

    private final PostgresMetadataStore metadata;
    private final PostgresUpdateLog logs;
    private final PostgresStateStore states;
    private final MetadataCodec metadataCodec;
    private final StateFileCodec stateCodec;
    private final List<DocumentTransfer> documents;

    /** What was copied, and what could not be. */
    public record Report(int agents, int damagedRecords, long logLines, int states, List<String> documents,
            List<String> skipped, List<String> errors) {
    }

    public StoreTransfer(PostgresMetadataStore metadata, PostgresUpdateLog logs, PostgresStateStore states,
            MetadataCodec metadataCodec, StateFileCodec stateCodec, List<DocumentTransfer> documents) {
        this.metadata = metadata;
        this.logs = logs;
        this.states = states;
        this.metadataCodec = metadataCodec;
        this.stateCodec = stateCodec;
        this.documents = documents;
    }

    /** Copies {@code source} into the database, replacing what the database holds for the same ids. */
    public Report importFrom(DataDirectory source) {
        List<String> skipped = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        MetadataFile file = readMetadata(source);
        file.records().values().forEach(metadata::put);
        file.damaged().values().forEach(metadata::putDamaged);
        long lines = 0;
        int stateCount = 0;
        for (String agentId : agentIds(source)) {
            try {
                lines += importLog(source, agentId, skipped);
                Path statePath = source.stateFile(agentId);
                if (Files.exists(statePath)) {
                    byte[] content = read(statePath);
                    StateFile state = stateCodec.parse(content); // only a readable checkpoint is moved
                    states.putText(agentId, state.updateCount(), new String(content, StandardCharsets.UTF_8));
                    stateCount++;
                }
            } catch (FileFormatException e) {
                errors.add(agentId + ": " + e.getMessage());
            }
        }
        List<String> copied = new ArrayList<>();
        for (DocumentTransfer transfer : documents) {
            copied.add(transfer.name() + ": " + transfer.importFrom(source));
        }
        return new Report(file.records().size(), file.damaged().size(), lines, stateCount, copied, skipped, errors);
    }

    /** Writes the database out as a data directory in the seed's layout (files it holds are replaced). */
    public Report exportTo(DataDirectory target, AtomicFileWriter writer) {
        MetadataFile file = metadata.current();
        writer.write(target.metadataFile(), metadataCodec.format(file));
        long lines = 0;
        int stateCount = 0;
        TreeSet<String> agentIds = new TreeSet<>(logs.agentIds());
        agentIds.addAll(states.agentIds());
        for (String agentId : agentIds) {
            long[] written = { 0 };
            if (logs.stamp(agentId) != null) {
                writer.write(target.updateLog(agentId), out -> writeLines(out, agentId, written));
            }
            lines += written[0];
            Optional<String> state = states.readText(agentId);
            if (state.isPresent()) {
                writer.write(target.stateFile(agentId), state.get().getBytes(StandardCharsets.UTF_8));
                stateCount++;
            }
        }
        List<String> copied = new ArrayList<>();
        for (DocumentTransfer transfer : documents) {
            copied.add(transfer.name() + ": " + transfer.exportTo(target, writer));
        }
        return new Report(file.records().size(), file.damaged().size(), lines, stateCount, copied, List.of(),
                List.of());
    }

    private void writeLines(OutputStream out, String agentId, long[] written) throws IOException {
        IOException[] failure = { null };
        logs.forEachLine(agentId, line -> {
            if (failure[0] == null) {
                try {
                    out.write(line.getBytes(StandardCharsets.UTF_8));
                    written[0]++;
                } catch (IOException e) {
                    failure[0] = e;
                }
            }
        });
        if (failure[0] != null) {
            throw failure[0];
        }
    }

    private long importLog(DataDirectory source, String agentId, List<String> skipped) {
        Path path = source.updateLog(agentId);
        if (!Files.exists(path)) {
            return 0;
        }
        String content = new String(read(path), StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int end = content.indexOf('\n'); end >= 0; end = content.indexOf('\n', start)) {
            if (end > start) {
                lines.add(content.substring(start, end + 1));
            }
            start = end + 1;
        }
        if (start < content.length()) {
            skipped.add(agentId + ": a torn tail of " + (content.length() - start) + " characters was not copied");
        }
        try {
            logs.replaceLines(agentId, lines);
        } catch (io.govflow.error.GovflowException e) {
            throw new FileFormatException("the update log has a damaged line; repair the directory first");
        }
        return lines.size();
    }

    private MetadataFile readMetadata(DataDirectory source) {
        Path path = source.metadataFile();
        return Files.exists(path) ? metadataCodec.parse(read(path)) : MetadataFile.EMPTY;
    }

    private static TreeSet<String> agentIds(DataDirectory source) {
        TreeSet<String> ids = new TreeSet<>();
        if (!Files.isDirectory(source.agentsDir())) {
            return ids;
        }
        try (Stream<Path> files = Files.list(source.agentsDir())) {
            files.map(path -> path.getFileName().toString()).forEach(name -> {
                String id = name.endsWith(LOG_SUFFIX) ? name.substring(0, name.length() - LOG_SUFFIX.length())
                        : name.endsWith("_state.json") ? name.substring(0, name.length() - "_state.json".length())
                                : null;
                if (id != null && SafeIds.isFileSafe(id)) {
                    ids.add(id);
                }
            });
        } catch (IOException e) {
            throw StorageErrors.readFailed("agents directory", source.agentsDir(), e);
        }
        return ids;
    }

    private static byte[] read(Path path) {
        try {
            return NoFollow.readAllBytes(path);
        } catch (IOException e) {
            throw StorageErrors.readFailed("data file", path, e);
        }
    }
}
