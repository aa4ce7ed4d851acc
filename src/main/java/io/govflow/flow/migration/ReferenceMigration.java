package io.govflow.flow.migration;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.govflow.error.GovflowException;
import io.govflow.flow.auth.ApiKeys;
import io.govflow.flow.consistency.ConsistencyChecker;
import io.govflow.flow.maintenance.StoreKind;
import io.govflow.flow.consistency.ConsistencyReport;
import io.govflow.store.agent.AgentFiles;
import io.govflow.store.agent.UpdateLogStore;
import io.govflow.store.agent.AgentRecord;
import io.govflow.store.agent.MetadataStore;
import io.govflow.store.agent.StateFile;
import io.govflow.store.agent.StateStore;
import io.govflow.store.agent.UpdateLogEntry;
import io.govflow.store.check.Problem;
import io.govflow.store.io.DataDirectory;
import io.govflow.store.io.LockHandle;
import io.govflow.store.io.LockKey;
import io.govflow.store.io.LockManager;
import io.govflow.store.io.StoreHealth;
import io.govflow.store.io.Timestamps;
import io.govflow.store.migration.KeyFieldRewriter;

/**
 * Serves a reference data directory as it is by migrating it in place, once and idempotently (a second run finds
 * nothing to do):
 * <ol>
 * <li>legacy {@code {data}/{id}_state.json} files are moved into {@code agents/} (under the agent lock; a file
 * that cannot be moved, or whose agent already has one there, stays where it is and is reported);</li>
 * <li>every state file without an update log gets one synthesized from its arrays ({@link LogSynthesis});</li>
 * <li>plaintext keys are replaced by their hash in the metadata file and in every JSON document under
 * {@code exports/}, {@code backups/} and {@code archives/}, where the reference copied them.</li>
 * </ol>
 * Nothing else is rewritten: unknown fields stay, damaged files are reported and left alone, and no agent changes
 * status. A dry run reports the same actions without writing anything (and without taking locks).
 */
public final class ReferenceMigration {

    private static final Logger LOG = LoggerFactory.getLogger(ReferenceMigration.class);
    private static final Predicate<String> PLAINTEXT = key -> ApiKeys.isUsable(key) && !ApiKeys.isHashed(key);

    private final DataDirectory dataDirectory;
    private final LockManager locks;
    private final MetadataStore metadata;
    private final StateStore stateFiles;
    private final UpdateLogStore updateLog;
    private final AgentFiles agentFiles;
    private final KeyFieldRewriter keyRewriter;
    private final ConsistencyChecker checker;
    private final StoreHealth storeHealth;
    private final Clock clock;
    private final int window;
    private final StoreKind storeKind;

    public ReferenceMigration(DataDirectory dataDirectory, LockManager locks, MetadataStore metadata,
            StateStore stateFiles, UpdateLogStore updateLog, AgentFiles agentFiles, KeyFieldRewriter keyRewriter,
            ConsistencyChecker checker, StoreHealth storeHealth, Clock clock, int window, StoreKind storeKind) {
        this.storeKind = storeKind;
        this.dataDirectory = dataDirectory;
        this.locks = locks;
        this.metadata = metadata;
        this.stateFiles = stateFiles;
        this.updateLog = updateLog;
        this.agentFiles = agentFiles;
        this.keyRewriter = keyRewriter;
        this.checker = checker;
        this.storeHealth = storeHealth;
        this.clock = clock;
        this.window = window;
    }

    /**
     * Migrates (or, with {@code dryRun}, only reports) and lists the reference-data findings of the consistency
     * checks afterwards. On PostgreSQL it answers {@code FILE_STORE_ONLY}: the data directory holds none of the
     * service's data there (a reference directory is imported into the database by the command line instead).
     */
    public MigrationReport migrate(boolean dryRun) {
        storeKind.requireDataDirectory();
        Run run = perform(dryRun);
        ConsistencyReport findings;
        try {
            findings = checker.check(null).referenceDataFindings();
        } catch (GovflowException e) {
            run.fileProblem(dataDirectory.relative(dataDirectory.agentsDir()),
                    Problem.error(e.code().name(), "The agent files could not be listed."));
            findings = ConsistencyReport.of(Timestamps.now(clock), List.of(), List.of());
        }
        return MigrationReport.of(dryRun, run.actions, run.files, findings);
    }

    /** The start-up run: migrates, logs a summary, never fails the start (problems are logged and reported). */
    public MigrationReport migrateAtStartup() {
        if (!storeKind.usesDataDirectory()) {
            return MigrationReport.of(false, List.of(), List.of(),
                    ConsistencyReport.of(Timestamps.now(clock), List.of(), List.of()));
        }
        Run run = perform(false);
        MigrationReport report = MigrationReport.of(false, run.actions, run.files,
                ConsistencyReport.of(Timestamps.now(clock), List.of(), List.of()));
        if (!report.actions().isEmpty() || !report.files().isEmpty()) {
            LOG.info("reference migration at start-up: actions={} file_problems={}", report.actions().size(),
                    report.files().size());
        }
        for (ConsistencyReport.FileReport finding : report.files()) {
            finding.problems().forEach(p -> LOG.warn("reference migration: file={} code={} {}", finding.file(),
                    p.code(), p.message()));
        }
        return report;
    }

    private Run perform(boolean dryRun) {
        if (!dryRun) {
            storeHealth.checkWritable();
        }
        Run run = new Run(dryRun);
        moveLegacyStateFiles(run);
        synthesizeUpdateLogs(run);
        hashMetadataKeys(run);
        for (Path dir : List.of(dataDirectory.exportsDir(), dataDirectory.backupsDir(), dataDirectory.archivesDir())) {
            hashCopiedKeys(dir, run);
        }
        return run;
    }

    private void moveLegacyStateFiles(Run run) {
        for (String id : agentFiles.legacyStateFileIds()) {
            String legacy = dataDirectory.relative(dataDirectory.legacyStateFile(id));
            String target = dataDirectory.relative(dataDirectory.stateFile(id));
            if (agentFiles.hasStateFile(id)) {
                run.fileProblem(legacy, Problem.warning("LEGACY_STATE_CONFLICT",
                        "agents/ already holds a state file for this agent; the legacy file was left in place."));
                continue;
            }
            if (run.dryRun || moved(id, run, legacy)) {
                run.action(MigrationAction.MOVE_LEGACY_STATE, target, id, Map.of("from", legacy));
            }
        }
    }

    private boolean moved(String id, Run run, String legacy) {
        try (LockHandle ignored = locks.acquire(LockKey.agent(id))) {
            if (stateFiles.migrateLegacy(id)) {
                return true;
            }
            if (agentFiles.hasLegacyStateFile(id)) {
                run.fileProblem(legacy, Problem.error("LEGACY_MOVE_FAILED",
                        "The legacy state file could not be moved into agents/; it was left in place."));
            }
            return false;
        } catch (GovflowException e) {
            run.fileProblem(legacy, Problem.error(e.code().name(), "The legacy state file could not be moved."));
            return false;
        }
    }

    private void synthesizeUpdateLogs(Run run) {
        SortedSet<String> logs = agentFiles.updateLogIds();
        List<String> candidates = new ArrayList<>(agentFiles.stateFileIds());
        if (run.dryRun) {
            run.actions.stream().filter(a -> a.action().equals(MigrationAction.MOVE_LEGACY_STATE))
                    .map(MigrationAction::agentId).filter(Objects::nonNull).forEach(candidates::add);
        }
        for (String id : candidates) {
            if (!logs.contains(id)) {
                synthesize(id, run);
            }
        }
    }

    private void synthesize(String id, Run run) {
        String file = dataDirectory.relative(dataDirectory.stateFile(id));
        try {
            if (run.dryRun) {
                Optional<StateFile> state = stateFiles.read(id).or(() -> stateFiles.readLegacy(id));
                state.ifPresent(s -> recordSynthesis(id, LogSynthesis.entries(s, window), run));
                return;
            }
            try (LockHandle ignored = locks.acquire(LockKey.agent(id))) {
                Optional<StateFile> state = agentFiles.hasUpdateLog(id) ? Optional.empty() : stateFiles.read(id);
                if (state.isPresent()) {
                    List<UpdateLogEntry> entries = LogSynthesis.entries(state.get(), window);
                    if (!entries.isEmpty()) {
                        updateLog.writeAll(id, entries);
                    }
                    recordSynthesis(id, entries, run);
                }
            }
        } catch (GovflowException e) {
            run.fileProblem(file, Problem.error(e.code().name(),
                    "The state file cannot be read; no update log was synthesized and the file was left as it is."));
        }
    }

    private void recordSynthesis(String id, List<UpdateLogEntry> entries, Run run) {
        if (entries.isEmpty()) {
            return;
        }
        run.action(MigrationAction.SYNTHESIZE_UPDATE_LOG, dataDirectory.relative(dataDirectory.updateLog(id)), id,
                MigrationAction.detail("entries", entries.size(), "first_seq", entries.get(0).seq(),
                        "last_seq", entries.get(entries.size() - 1).seq()));
    }

    private void hashMetadataKeys(Run run) {
        String file = dataDirectory.relative(dataDirectory.metadataFile());
        try {
            List<String> plaintext = metadata.readAll().values().stream()
                    .filter(r -> r.apiKey() != null && PLAINTEXT.test(r.apiKey())).map(AgentRecord::agentId).toList();
            if (plaintext.isEmpty()) {
                return;
            }
            List<String> hashed = run.dryRun ? plaintext : metadata.updateAll(r ->
                    r.apiKey() != null && PLAINTEXT.test(r.apiKey()) ? r.withApiKey(ApiKeys.hash(r.apiKey())) : r);
            run.action(MigrationAction.HASH_KEYS, file, null, Map.of("keys", hashed.size()));
        } catch (GovflowException e) {
            run.fileProblem(file, Problem.error(e.code().name(),
                    "The agent metadata cannot be read; its keys were not hashed."));
        }
    }

    private void hashCopiedKeys(Path dir, Run run) {
        for (Path file : keyRewriter.jsonFilesUnder(dir)) {
            String relative = dataDirectory.relative(file);
            try {
                KeyFieldRewriter.Outcome outcome = keyRewriter.rewrite(file, PLAINTEXT, ApiKeys::hash, run.dryRun);
                if (outcome.damaged()) {
                    run.fileProblem(relative, Problem.error("DOCUMENT_UNREADABLE",
                            "The document mentions api_key but is not valid JSON; it was left as it is."));
                } else if (outcome.replaced() > 0) {
                    run.action(MigrationAction.HASH_KEYS, relative, null, Map.of("keys", outcome.replaced()));
                }
            } catch (GovflowException e) {
                run.fileProblem(relative, Problem.error(e.code().name(), "The document could not be rewritten."));
            }
        }
    }

    /** The actions and file problems of one run. */
    private static final class Run {
        final boolean dryRun;
        final List<MigrationAction> actions = new ArrayList<>();
        final List<ConsistencyReport.FileReport> files = new ArrayList<>();

        Run(boolean dryRun) {
            this.dryRun = dryRun;
        }

        void action(String action, String file, @Nullable String agentId, Map<String, Object> detail) {
            actions.add(new MigrationAction(action, file, agentId, detail));
        }

        void fileProblem(String file, Problem problem) {
            files.add(new ConsistencyReport.FileReport(file, List.of(problem)));
        }
    }
}
