package io.govflow.flow.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.govflow.config.GovflowProperties;
import io.govflow.error.ErrorCode;
import io.govflow.error.GovflowException;
import io.govflow.flow.agent.AgentIds;
import io.govflow.flow.auth.Caller;
import io.govflow.flow.update.AutoExports;
import io.govflow.flow.update.EffectiveRecords;
import io.govflow.store.agent.AgentRecord;
import io.govflow.store.agent.MetadataStore;
import io.govflow.store.export.ExportFile;
import io.govflow.store.export.ExportFiles;
import io.govflow.store.export.ExportFormat;
import io.govflow.store.export.ExportKind;
import io.govflow.store.export.ExportNames;
import io.govflow.store.export.ExportValidationReport;
import io.govflow.store.export.ExportValidator;
import io.govflow.store.export.HistoryCsvWriter;
import io.govflow.store.export.HistoryJsonWriter;
import io.govflow.store.export.HistorySource;
import io.govflow.store.export.HistorySources;
import io.govflow.store.export.PackageWriter;
import io.govflow.store.io.ContentWriter;
import io.govflow.store.io.LockHandle;
import io.govflow.store.io.LockKey;
import io.govflow.store.io.LockManager;
import io.govflow.store.io.StoreHealth;
import io.govflow.store.io.Timestamps;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The export flow of the seed. Every export reads the agent's update log (its full history), frozen at the last
 * committed line when the export starts, and streams it: memory does not grow with the history's length. Files
 * are written atomically and never replace another file unless {@code overwrite} asks for it.
 */
@Service
public class ExportFlow implements AutoExports {

    /** The inline history answer is limited; larger histories are downloaded. */
    public static final int INLINE_LIMIT_BYTES = 8 * 1024 * 1024;
    static final List<String> HISTORY_LAYERS = List.of("history");
    static final List<String> PACKAGE_LAYERS = List.of("metadata", "history", "validation");


    private final MetadataStore metadata;
    private final LockManager locks;
    private final EffectiveRecords effectiveRecords;
    private final HistorySources sources;
    private final HistoryJsonWriter jsonWriter;
    private final HistoryCsvWriter csvWriter;
    private final PackageWriter packageWriter;
    private final ExportFiles files;
    private final ExportValidator validator;
    private final StoreHealth storeHealth;
    private final Clock clock;
    private final DistributionSummary exportSizes;
    private final int filesPerAgent;

    public ExportFlow(MetadataStore metadata, LockManager locks, EffectiveRecords effectiveRecords,
            HistorySources sources,
            HistoryJsonWriter jsonWriter, HistoryCsvWriter csvWriter, PackageWriter packageWriter, ExportFiles files,
            ExportValidator validator, StoreHealth storeHealth, Clock clock, MeterRegistry meters,
            GovflowProperties properties) {
        this.metadata = metadata;
        this.locks = locks;
        this.effectiveRecords = effectiveRecords;
        this.sources = sources;
        this.jsonWriter = jsonWriter;
        this.csvWriter = csvWriter;
        this.packageWriter = packageWriter;
        this.files = files;
        this.validator = validator;
        this.storeHealth = storeHealth;
        this.clock = clock;
        this.exportSizes = DistributionSummary.builder("govflow.export.size").baseUnit("bytes")
                .description("Size of each export file written").register(meters);
        this.filesPerAgent = properties.limits().exportFilesPerAgent();
    }

    /** The seed's inline answer: the document as a string, at most {@link #INLINE_LIMIT_BYTES}. */
    public InlineHistory inlineHistory(String agentId, @Nullable String format) {
        ExportFormat parsed = format(format);
        HistorySource source = historyOf(agentId);
        BoundedBuffer buffer = new BoundedBuffer(INLINE_LIMIT_BYTES,
                "/api/v1/agents/" + agentId + "/history/download?format=" + parsed.extension());
        try {
            writeHistory(parsed, source, buffer);
        } catch (IOException e) {
            throw new IllegalStateException("in-memory export cannot fail with I/O", e);
        }
        return new InlineHistory(parsed.extension(), buffer.toString(StandardCharsets.UTF_8));
    }

    /** The history document to stream to the client; checks everything before the first byte. */
    public StreamedFile downloadHistory(String agentId, @Nullable String format) {
        ExportFormat parsed = format(format);
        HistorySource source = historyOf(agentId);
        String name = ExportNames.historyBase(agentId, Timestamps.fileStamp(clock)) + "." + parsed.extension();
        return new StreamedFile(name, parsed.contentType(), out -> writeHistory(parsed, source, out));
    }

    /**
     * Writes an export file: history-only (JSON or CSV) in {@code history/}, or a complete package. An agent may
     * replace only a file of its own, and no one may pick a custom name that reads as another agent's automatic name.
     */
    public ExportResult export(String agentId, ExportCommand command, Caller caller) {
        ExportFormat format = format(command.format());
        if (command.completePackage() && format != ExportFormat.JSON) {
            throw GovflowException.withDetails(ErrorCode.UNSUPPORTED_EXPORT_FORMAT,
                    Map.of("format", format.extension(), "complete_package", true));
        }
        String stem = command.filename() == null ? null : ExportNames.requireStem(command.filename());
        AgentRecord record = existing(agentId);
        storeHealth.checkWritable();
        if (!caller.admin()) {
            requireWithinQuota(agentId);
        }
        Replacing replacing = new Replacing(command.overwrite(), caller);
        return command.completePackage() ? writePackage(record, stem, replacing)
                : writeHistoryFile(agentId, format, stem, replacing);
    }

    /**
     * Refuses a new file past the agent's quota; nothing is ever deleted to make room (exports can be audit
     * evidence). Automatic significance exports and the admin are not held to it.
     */
    private void requireWithinQuota(String agentId) {
        long owned = files.list(null).stream().filter(file -> agentId.equals(ownerOf(file))).count();
        if (owned >= filesPerAgent) {
            throw GovflowException.withDetails(ErrorCode.EXPORT_QUOTA_EXCEEDED,
                    Map.of("limit", filesPerAgent, "files", owned));
        }
    }

    private static @Nullable String ownerOf(ExportFile file) {
        return file.agentId() != null ? file.agentId()
                : ExportNames.check(file.kind(), file.fileName()).agentId().orElse(null);
    }

    @Override
    public String exportSignificant(String agentId) {
        HistorySource source = historyOf(agentId);
        String base = ExportNames.significantBase(agentId, Timestamps.fileStamp(clock));
        Path path = write(ExportKind.HISTORY, ExportNames.automatic(base, ExportFormat.JSON), null,
                new Replacing(false, Caller.ofAgent(agentId)), out -> jsonWriter.write(source, out));
        exportSizes.record(files.size(path));
        return files.relative(path);
    }

    /** Export files the caller may see (an agent its own, the admin all), optionally one agent's or one kind's. */
    public List<ExportFile> list(@Nullable String agentId, @Nullable String kind, Caller caller) {
        if (agentId != null) {
            AgentIds.requireValid(agentId);
        }
        ExportKind only = kind == null ? null : kind(kind);
        return files.list(only).stream()
                .filter(file -> agentId == null || agentId.equals(file.agentId()))
                .filter(file -> caller.admin() || ownedBy(caller, ownerOf(file)))
                .toList();
    }

    /** One page of {@link #list}, files ordered by kind then name. */
    public ExportPage page(@Nullable String agentId, @Nullable String kind, Caller caller, int page, int size) {
        List<ExportFile> all = list(agentId, kind, caller);
        long from = Math.min((long) page * size, all.size());
        int to = (int) Math.min(from + size, all.size());
        return new ExportPage(all.subList((int) from, to), page, size, all.size());
    }

    /**
     * The admin's prune: export files last written before {@code olderThan} ago (of one agent, or all), removed
     * unless {@code dryRun}. The only way export files are deleted.
     */
    public ExportPrune prune(@Nullable String agentId, Duration olderThan, boolean dryRun) {
        if (agentId != null) {
            AgentIds.requireValid(agentId);
        }
        if (!dryRun) {
            storeHealth.checkWritable();
        }
        String cutoff = Timestamps.format(clock.instant().minus(olderThan));
        List<ExportFile> old = files.list(null).stream()
                .filter(file -> agentId == null || agentId.equals(ownerOf(file)))
                .filter(file -> file.modifiedAt().compareTo(cutoff) < 0)
                .toList();
        List<ExportFile> removed = dryRun ? old : old.stream().filter(file -> files.delete(file.path())).toList();
        return new ExportPrune(dryRun, cutoff, removed);
    }

    /** An existing export file the caller may see, to stream back; another agent's file is not found. */
    public StreamedFile open(String kind, String fileName, Caller caller) {
        ExportKind parsed = kind(kind);
        Path path = files.find(parsed, fileName).filter(found -> visible(caller, parsed, found))
                .orElseThrow(() -> GovflowException.withDetails(
                ErrorCode.EXPORT_NOT_FOUND, Map.of("kind", parsed.wire(), "filename", fileName)));
        String type = ExportFormat.ofFileName(fileName).orElse(ExportFormat.JSON).contentType();
        return new StreamedFile(fileName, type, out -> copy(path, out));
    }

    /** The export validator over every file, or over one file name (in one kind's directory or both). */
    public ExportValidationReport validate(@Nullable String fileName, @Nullable String kind, Caller caller) {
        String now = Timestamps.now(clock);
        ExportKind only = kind == null ? null : kind(kind);
        if (fileName == null) {
            return validator.validateAll(now, (fileKind, path) -> visible(caller, fileKind, path));
        }
        return validator.validateOne(only, ExportNames.requireFileName(fileName), now,
                (fileKind, path) -> visible(caller, fileKind, path));
    }

    private boolean visible(Caller caller, ExportKind kind, Path path) {
        return caller.admin() || ownedBy(caller, files.ownerOf(kind, path));
    }

    private static boolean ownedBy(Caller caller, @Nullable String owner) {
        return owner != null && owner.equals(caller.agentId());
    }

    private ExportResult writeHistoryFile(String agentId, ExportFormat format, @Nullable String stem,
            Replacing replacing) {
        HistorySource source = historyOf(agentId);
        List<String> names = stem == null
                ? ExportNames.automatic(ExportNames.historyBase(agentId, Timestamps.fileStamp(clock)), format)
                : List.of(customName(ExportKind.HISTORY, agentId, stem, format));
        Path path = write(ExportKind.HISTORY, names, stem, replacing, out -> writeHistory(format, source, out));
        return result("History exported successfully", path, format, agentId, false, HISTORY_LAYERS);
    }

    private ExportResult writePackage(AgentRecord before, @Nullable String stem, Replacing replacing) {
        String agentId = before.agentId();
        Snapshot snapshot = packageSnapshot(agentId);
        String now = Timestamps.now(clock);
        List<String> names = stem == null
                ? ExportNames.automatic(ExportNames.packageBase(agentId, Timestamps.fileStamp(clock)),
                        ExportFormat.JSON)
                : List.of(customName(ExportKind.PACKAGE, agentId, stem, ExportFormat.JSON));
        Path path = write(ExportKind.PACKAGE, names, stem, replacing,
                out -> packageWriter.write(snapshot.record(), snapshot.source(), now, out));
        return result("Complete package exported successfully", path, ExportFormat.JSON, agentId, true,
                PACKAGE_LAYERS);
    }

    /**
     * Metadata and history of one moment, read under the agent lock between two updates: the effective record
     * (its checkpoint rolled forward over the log lines after it, §5.5) and the log up to the same line.
     */
    private Snapshot packageSnapshot(String agentId) {
        try (LockHandle ignored = locks.acquire(LockKey.agent(agentId))) {
            AgentRecord record = effectiveRecords.effective(existing(agentId));
            return new Snapshot(record, sources.capture(agentId, record.totalUpdates()));
        }
    }

    /**
     * A custom name, refused when it (or its stem as a file of either kind) reads as the automatic name of an agent
     * other than the exporting one: such names would be taken for that agent's files.
     */
    private static String customName(ExportKind kind, String agentId, String stem, ExportFormat format) {
        String name = ExportNames.custom(kind, stem, format);
        boolean foreign = readsAsForeign(ExportNames.check(kind, name), agentId);
        for (ExportKind any : ExportKind.values()) {
            ExportNames.NameCheck asFile = ExportNames.check(any, stem + "." + format.extension());
            foreign |= asFile.agentId().isPresent() && readsAsForeign(asFile, agentId);
        }
        if (foreign) {
            throw GovflowException.withDetails(ErrorCode.INVALID_FILENAME,
                    Map.of("reason", "reads as another agent's automatic export name"));
        }
        return name;
    }

    private static boolean readsAsForeign(ExportNames.NameCheck check, String agentId) {
        return check.automatic() && !check.agentId().map(agentId::equals).orElse(false);
    }

    private Path write(ExportKind kind, List<String> names, @Nullable String customStem, Replacing replacing,
            ContentWriter body) {
        String name = names.get(0);
        String relative = files.relative(files.resolve(kind, name));
        if (customStem == null) {
            try {
                return files.createNew(kind, names.iterator(), body).orElseThrow(() -> exists(relative));
            } catch (GovflowException e) {
                throw withFilePath(e, relative);
            }
        }
        try {
            if (replacing.overwrite()) {
                // another agent's file is answered like a taken name: it is neither replaced nor revealed
                if (files.find(kind, name).filter(found -> !visible(replacing.caller(), kind, found)).isPresent()) {
                    throw exists(relative);
                }
                return files.replace(kind, name, body);
            }
            if (files.find(kind, name).isPresent()) {
                throw exists(relative);
            }
            return files.createNew(kind, List.of(name).iterator(), body).orElseThrow(() -> exists(relative));
        } catch (GovflowException e) {
            throw withFilePath(e, relative);
        }
    }

    private static GovflowException exists(String relative) {
        return GovflowException.withDetails(ErrorCode.EXPORT_EXISTS, Map.of("file_path", relative));
    }

    private static GovflowException withFilePath(GovflowException e, String relative) {
        if (e.details().containsKey("file_path")) {
            return e;
        }
        Map<String, Object> details = new LinkedHashMap<>(e.details());
        details.put("file_path", relative);
        return new GovflowException(e.code(), details, e.retryAfterSeconds(), e);
    }

    private ExportResult result(String message, Path path, ExportFormat format, String agentId, boolean complete,
            List<String> layers) {
        long size = files.size(path);
        exportSizes.record(size);
        return new ExportResult(message, files.relative(path), path.getFileName().toString(), format.extension(),
                agentId, size, complete, layers);
    }

    private void writeHistory(ExportFormat format, HistorySource source, OutputStream out) throws IOException {
        if (format == ExportFormat.CSV) {
            csvWriter.write(source, out);
        } else {
            jsonWriter.write(source, out);
        }
    }

    private HistorySource historyOf(String agentId) {
        AgentRecord record = existing(agentId);
        return sources.capture(agentId, record.totalUpdates());
    }

    private AgentRecord existing(String agentId) {
        return metadata.find(agentId).orElseThrow(() -> new GovflowException(ErrorCode.AGENT_NOT_FOUND, agentId));
    }

    private void copy(Path path, OutputStream out) throws IOException {
        try (InputStream in = files.open(path)) {
            in.transferTo(out);
        }
    }

    private static ExportFormat format(@Nullable String format) {
        if (format == null) {
            return ExportFormat.JSON;
        }
        return ExportFormat.parse(format).orElseThrow(() -> GovflowException.withDetails(
                ErrorCode.UNSUPPORTED_EXPORT_FORMAT, Map.of("supported", List.of("json", "csv"))));
    }

    private static ExportKind kind(String kind) {
        return ExportKind.parse(kind).orElseThrow(() -> GovflowException.withDetails(ErrorCode.VALIDATION_FAILED,
                Map.of("fields", List.of(Map.of("field", "kind", "problem", "must be history or package")))));
    }

    private record Snapshot(AgentRecord record, HistorySource source) {
    }

    /** Whether a custom name may replace an existing file, and who asks. */
    private record Replacing(boolean overwrite, Caller caller) {
    }
}
