package io.govflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

import io.govflow.store.agent.AgentRecord;
import io.govflow.store.agent.LogScan;
import io.govflow.store.agent.MetadataRepository;
import io.govflow.store.agent.StateFile;
import io.govflow.store.agent.StateFileRepository;
import io.govflow.store.agent.MetadataStore;
import io.govflow.store.agent.StateStore;
import io.govflow.store.agent.UpdateLog;
import io.govflow.store.agent.UpdateLogStore;
import io.govflow.store.postgres.PostgresMetadataStore;
import io.govflow.store.postgres.PostgresStateStore;
import io.govflow.store.postgres.PostgresUpdateLog;
import io.govflow.store.agent.UpdateLogEntry;
import io.govflow.store.agent.MetadataCodec;
import io.govflow.store.agent.StateFileCodec;
import io.govflow.store.io.AtomicFileWriter;
import io.govflow.store.io.AtomicJsonWriter;
import io.govflow.store.io.StoreJson;
import io.govflow.store.io.DataDirectory;
import io.govflow.store.io.LockManager;
import io.govflow.store.io.StoreHealth;

/**
 * Reads a data directory with the store's own readers (read-only) and checks the invariants of the commit
 * protocol for every agent. {@link #assertHold()}: the file invariant, which holds once every instance has shut
 * down gracefully (or flushed its checkpoints): metadata.total_updates == state.update_count == last log seq,
 * contiguous seqs, metadata.last_update == ts of the last log line; and no temp file left but young orphans of
 * writers that died ({@link DataDirChecks#assertNoTempFilesExceptYoungOrphans}). {@link #assertCheckpointsNotAhead()}:
 * what holds while instances run — contiguous logs, checkpoints at or behind their logs, never ahead.
 */
public final class StoreInvariants {

    private final DataDirectory dir;
    private final UpdateLogStore log;
    private final StateStore states;
    private final MetadataStore metadata;
    private final boolean files;

    public StoreInvariants(Path dataDir) {
        this.dir = new DataDirectory(dataDir);
        StoreHealth health = new StoreHealth();
        StoreJson json = new StoreJson();
        AtomicFileWriter files = new AtomicFileWriter(health);
        AtomicJsonWriter writer = new AtomicJsonWriter(files, json);
        var database = StoreUnderTest.databaseOf(dataDir);
        this.files = database.isEmpty();
        if (database.isPresent()) {
            // the suites on the PostgreSQL store: the same invariants, read from the application's database
            var db = StoreUnderTest.storeAccess(database.get());
            this.log = new PostgresUpdateLog(db, json);
            this.states = new PostgresStateStore(db, new StateFileCodec(json));
            this.metadata = new PostgresMetadataStore(db, new MetadataCodec(json), json);
            return;
        }
        LockManager locks = new LockManager(dir, Duration.ofSeconds(5), Duration.ofMillis(100));
        this.log = new UpdateLog(dir, files, health, json, Clock.systemUTC());
        this.states = new StateFileRepository(dir, writer, new StateFileCodec(json), health);
        this.metadata = new MetadataRepository(dir, writer, locks, new MetadataCodec(json));
    }

    public Map<String, AgentRecord> agents() {
        return metadata.readAll();
    }

    /** The agent's metadata record as stored (the file's entry, or the row's JSON text); null without one. */
    public tools.jackson.databind.@org.jspecify.annotations.Nullable JsonNode storedRecord(String agentId) {
        StoreJson json = new StoreJson();
        var database = StoreUnderTest.databaseOf(dir.root());
        if (database.isPresent()) {
            java.util.List<String> rows = StoreUnderTest.storeAccess(database.get()).read(jdbc -> jdbc.queryForList(
                    "SELECT record_text FROM agent_metadata WHERE agent_id = ?", String.class, agentId));
            return rows.isEmpty() ? null : json.parse(rows.get(0).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        try {
            return json.parseObject(Files.readAllBytes(dir.metadataFile())).get(agentId);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<UpdateLogEntry> logOf(String agentId) {
        return log.readTail(agentId, Integer.MAX_VALUE);
    }

    /** The file invariant, for every agent that has a log (after a graceful shutdown or a flush). */
    public void assertHold() {
        forEachLoggedAgent((record, scan) -> {
            String id = record.agentId();
            StateFile state = states.read(id).orElseThrow(() -> new AssertionError("no state file for " + id));
            assertThat(state.updateCount()).as("state update_count of %s", id).isEqualTo(scan.lastSeq());
            assertThat(record.totalUpdates()).as("metadata total_updates of %s", id).isEqualTo(scan.lastSeq());
            List<UpdateLogEntry> last = log.readTail(id, 1);
            assertThat(record.lastUpdate()).as("metadata last_update of %s", id).isEqualTo(last.get(0).ts());
            assertThat(state.timestampHistory().get(state.timestampHistory().size() - 1))
                    .isEqualTo(last.get(0).ts());
        });
        if (files) {
            DataDirChecks.assertNoTempFilesExceptYoungOrphans(dir.root());
        }
    }

    /** While instances run: every log contiguous, every checkpoint at or behind its log (lagging, never ahead). */
    public void assertCheckpointsNotAhead() {
        forEachLoggedAgent((record, scan) -> {
            String id = record.agentId();
            states.read(id).ifPresent(state -> assertThat(state.updateCount())
                    .as("state update_count of %s", id).isLessThanOrEqualTo(scan.lastSeq()));
            assertThat(record.totalUpdates()).as("metadata total_updates of %s", id)
                    .isLessThanOrEqualTo(scan.lastSeq());
        });
    }

    /** Every registered agent with a non-empty log, whose seqs must be contiguous, with that log's scan. */
    private void forEachLoggedAgent(BiConsumer<AgentRecord, LogScan> check) {
        for (AgentRecord record : metadata.readAll().values()) {
            LogScan scan = log.scan(record.agentId());
            if (scan.lastSeq() == 0) {
                continue;
            }
            assertThat(scan.contiguous()).as("contiguous log of %s", record.agentId()).isTrue();
            check.accept(record, scan);
        }
    }

    public List<Path> tempFiles() {
        try (Stream<Path> paths = Files.walk(dir.root())) {
            return paths.filter(p -> p.getFileName().toString().contains(".tmp-")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
