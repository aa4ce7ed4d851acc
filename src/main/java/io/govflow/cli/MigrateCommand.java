package io.govflow.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import io.govflow.error.GovflowException;
import io.govflow.flow.consistency.ConsistencyChecker;
import io.govflow.flow.migration.MigrationReport;
import io.govflow.flow.migration.ReferenceMigration;
import io.govflow.store.agent.AgentFiles;
import io.govflow.store.agent.MetadataCodec;
import io.govflow.store.agent.MetadataRepository;
import io.govflow.store.agent.StateFileCodec;
import io.govflow.store.agent.StateFileRepository;
import io.govflow.store.agent.UpdateLog;
import io.govflow.store.io.AtomicFileWriter;
import io.govflow.store.io.AtomicJsonWriter;
import io.govflow.store.io.DataDirectory;
import io.govflow.store.io.LockManager;
import io.govflow.store.io.StoreHealth;
import io.govflow.store.io.StoreJson;
import io.govflow.store.migration.KeyFieldRewriter;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code migrate --data-dir DIR [--dry-run]}: the migration of a reference data directory, as the service does it
 * at start-up, with the report as JSON on stdout. Safe beside a running service (same locks). Exit status 0 when
 * no error was found, 1 otherwise, 2 for bad usage.
 */
final class MigrateCommand implements CommandLineTool {

    static final String USAGE = "usage: migrate --data-dir DIR [--dry-run]";
    private static final int HISTORY_WINDOW = 1000;

    @Override
    public int run(String[] options, PrintStream out, PrintStream err) {
        Path dataDir = null;
        boolean dryRun = false;
        for (int i = 0; i < options.length; i++) {
            switch (options[i]) {
                case "--data-dir" -> dataDir = i + 1 < options.length ? Path.of(options[++i]) : null;
                case "--dry-run" -> dryRun = true;
                default -> {
                    err.println(USAGE);
                    return 2;
                }
            }
        }
        if (dataDir == null || !Files.isDirectory(dataDir)) {
            err.println(dataDir == null ? USAGE : "not a directory: " + dataDir);
            return 2;
        }
        CliLogging.toStderr();
        try {
            MigrationReport report = migration(dataDir).migrate(dryRun);
            out.println(toJson(report));
            return report.totals().errors() == 0 ? 0 : 1;
        } catch (GovflowException e) {
            err.println("migration failed: " + e.code() + " " + e.clientMessage());
            return 1;
        }
    }

    /** The store and the migration wired by hand, with the service's default lock timings. */
    static ReferenceMigration migration(Path dataDir) {
        StoreHealth health = new StoreHealth();
        DataDirectory dir = new DataDirectory(dataDir, health);
        LockManager locks = new LockManager(dir, Duration.ofSeconds(5), Duration.ofMillis(100));
        StoreJson json = new StoreJson();
        AtomicFileWriter files = new AtomicFileWriter(health);
        AtomicJsonWriter writer = new AtomicJsonWriter(files, json);
        Clock clock = Clock.systemUTC();
        MetadataRepository metadata = new MetadataRepository(dir, writer, locks, new MetadataCodec(json));
        StateFileRepository stateFiles = new StateFileRepository(dir, writer, new StateFileCodec(json), health);
        UpdateLog updateLog = new UpdateLog(dir, files, health, json, clock);
        AgentFiles agentFiles = new AgentFiles(dir);
        ConsistencyChecker checker = new ConsistencyChecker(dir, metadata, stateFiles, updateLog, HISTORY_WINDOW,
                clock);
        return new ReferenceMigration(dir, locks, metadata, stateFiles, updateLog, agentFiles,
                new KeyFieldRewriter(files, json), checker, health, clock, HISTORY_WINDOW);
    }

    private static String toJson(MigrationReport report) {
        JsonMapper mapper = JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(SerializationFeature.INDENT_OUTPUT).build();
        return mapper.writeValueAsString(report);
    }
}
