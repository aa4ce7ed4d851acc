package io.govflow.store.export;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.govflow.store.agent.AgentRecord;
import io.govflow.store.agent.LifecycleEvent;
import io.govflow.store.agent.MetadataCodec;
import io.govflow.store.agent.StateFileCodec;
import io.govflow.store.agent.StateFileRepository;
import io.govflow.store.agent.UpdateLog;
import io.govflow.store.io.AtomicFileWriter;
import io.govflow.store.io.AtomicJsonWriter;
import io.govflow.store.io.DataDirectory;
import io.govflow.store.io.StoreHealth;
import io.govflow.store.io.StoreJson;

/** The export side of the store over a data directory, wired by hand (no Spring). */
final class ExportStore {

    final StoreJson json = new StoreJson();
    final StoreHealth health = new StoreHealth();
    final DataDirectory dir;
    final AtomicFileWriter files;
    final UpdateLog log;
    final HistorySources sources;
    final HistoryJsonWriter jsonWriter = new HistoryJsonWriter(json);
    final HistoryCsvWriter csvWriter = new HistoryCsvWriter();
    final PackageWriter packageWriter;
    final ExportFiles exportFiles;
    final ExportValidator validator;

    ExportStore(Path dataDir) {
        dir = new DataDirectory(dataDir);
        files = new AtomicFileWriter(health);
        log = new UpdateLog(dir, files, health, json, java.time.Clock.systemUTC());
        sources = new HistorySources(log, new StateFileRepository(dir, new AtomicJsonWriter(files, json),
                new StateFileCodec(json), health));
        packageWriter = new PackageWriter(jsonWriter, new MetadataCodec(json), json);
        exportFiles = new ExportFiles(dir, files, json);
        validator = new ExportValidator(exportFiles, json);
    }

    HistorySource source(String agentId) {
        return sources.capture(agentId, 0);
    }

    Path writeJson(String agentId, String fileName) {
        HistorySource source = source(agentId);
        return exportFiles.replace(io.govflow.store.export.ExportKind.HISTORY, fileName,
                out -> jsonWriter.write(source, out));
    }

    Path writeCsv(String agentId, String fileName) {
        HistorySource source = source(agentId);
        return exportFiles.replace(io.govflow.store.export.ExportKind.HISTORY, fileName,
                out -> csvWriter.write(source, out));
    }

    Path writePackage(String agentId, String fileName, long totalUpdates, String lastUpdate) {
        HistorySource source = source(agentId);
        AgentRecord record = new AgentRecord(agentId, io.govflow.store.agent.AgentStatus.ACTIVE,
                "2025-12-01T15:00:00.000000", lastUpdate, "v1.0",
                totalUpdates, List.of("t"), "", List.of(LifecycleEvent.of("created", "2025-12-01T15:00:00.000000",
                        null)), null, null, null, null, "sha256:" + "0".repeat(64), List.of(), List.of(), null, null,
                null, false, Map.of());
        return exportFiles.replace(io.govflow.store.export.ExportKind.PACKAGE, fileName,
                out -> packageWriter.write(record, source, "2025-12-02T10:00:00.000000", out));
    }
}
