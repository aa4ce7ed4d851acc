package io.govflow.flow.consistency;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.govflow.store.agent.AgentRecord;
import io.govflow.store.agent.MetadataCodec;
import io.govflow.store.agent.MetadataRepository;
import io.govflow.store.agent.StateFileCodec;
import io.govflow.store.agent.StateFileRepository;
import io.govflow.store.agent.UpdateLog;
import io.govflow.store.agent.UpdateLogEntry;
import io.govflow.store.check.Problem;
import io.govflow.store.check.Severity;
import io.govflow.store.io.AtomicFileWriter;
import io.govflow.store.io.AtomicJsonWriter;
import io.govflow.store.io.DataDirectory;
import io.govflow.store.io.LockManager;
import io.govflow.store.io.StoreHealth;
import io.govflow.store.io.StoreJson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The per-agent rules for what a reference data directory did not keep, as the consistency report and the
 * migration report (its reference-data part) both show them: {@code STATE_MISSING} for any registered agent
 * without state or log (also with no update yet), a legacy state file counting as the agent's state file before
 * migration, {@code ORPHAN_STATE} / {@code ORPHAN_LOG}, and {@code HISTORY_INCOMPLETE} from a log starting after
 * seq 1 or from a trimmed state window. All warnings.
 */
class ReferenceDataRulesTest {

    private static final String NOW = "2025-12-01T10:00:00.000000";

    @TempDir
    Path data;

    private MetadataRepository metadata;
    private UpdateLog updateLog;
    private ConsistencyChecker checker;

    @BeforeEach
    void store() {
        StoreHealth health = new StoreHealth();
        DataDirectory dir = new DataDirectory(data, health);
        StoreJson json = new StoreJson();
        AtomicFileWriter files = new AtomicFileWriter(health);
        AtomicJsonWriter writer = new AtomicJsonWriter(files, json);
        metadata = new MetadataRepository(dir, writer, new LockManager(dir, Duration.ofSeconds(5),
                Duration.ofMillis(100)), new MetadataCodec(json));
        StateFileRepository stateFiles = new StateFileRepository(dir, writer, new StateFileCodec(json), health);
        updateLog = new UpdateLog(dir, files, health, json, Clock.systemUTC());
        checker = new ConsistencyChecker(dir, metadata, stateFiles, updateLog, 1000, Clock.systemUTC());
    }

    @Test
    void registeredAgentWithoutFilesIsStateMissingWhateverItsCount() {
        register("fresh_agent", 0);
        register("reference_agent", 7);

        ConsistencyReport report = checker.check(null);

        assertThat(problems(report, "fresh_agent")).containsExactly(
                "STATE_MISSING warning No state file yet: the first update starts from the default state.");
        assertThat(problems(report, "reference_agent")).containsExactly("STATE_MISSING warning No state file or "
                + "update log was kept: the next update starts from the default state and is numbered 8.");
        assertThat(report.totals().errors()).isZero();
    }

    @Test
    void legacyStateFileIsTheAgentsStateFileBeforeMigration() throws Exception {
        register("legacy_agent", 1);
        Files.writeString(data.resolve("legacy_agent_state.json"), state(1, 1));
        Files.writeString(data.resolve("legacy_orphan_state.json"), state(1, 1));
        Files.writeString(data.resolve("calibration_state.json"), "{}");

        ConsistencyReport report = checker.check(null);

        assertThat(codes(report, "legacy_agent")).doesNotContain("STATE_MISSING").contains("LOG_MISSING");
        assertThat(codes(report, "legacy_orphan")).contains("ORPHAN_STATE");
        assertThat(report.agents()).extracting(ConsistencyReport.AgentReport::agentId)
                .containsExactly("legacy_agent", "legacy_orphan");
        assertThat(report.files()).extracting(ConsistencyReport.FileReport::file)
                .containsExactly("legacy_agent_state.json", "legacy_orphan_state.json");
    }

    @Test
    void lockFileOfAnAgentWithoutDataIsAStrayFile() throws Exception {
        register("locked_agent", 0);
        Files.createDirectories(data.resolve("agents"));
        Files.writeString(data.resolve("agents/.locked_agent_state.lock"), "");
        Files.writeString(data.resolve("agents/.ghost_state.lock"), "");

        ConsistencyReport report = checker.check(null);

        assertThat(report.files()).extracting(ConsistencyReport.FileReport::file)
                .containsExactly("agents/.ghost_state.lock");
        assertThat(report.files().get(0).problems()).extracting(Problem::code).containsExactly("ORPHAN_LOCK_FILE");
    }

    @Test
    void trimmedWindowsAndLateLogsAreHistoryIncomplete() throws Exception {
        register("trimmed_agent", 5);
        Files.createDirectories(data.resolve("agents"));
        Files.writeString(data.resolve("agents/trimmed_agent_state.json"), state(5, 3));
        updateLog.writeAll("late_log", List.of(entry(4), entry(5)));

        ConsistencyReport report = checker.check(null);

        assertThat(problems(report, "trimmed_agent"))
                .contains("HISTORY_INCOMPLETE warning The first 2 updates were not retained.");
        assertThat(codes(report, "late_log")).contains("HISTORY_INCOMPLETE", "ORPHAN_LOG");
        assertThat(agent(report, "late_log")).filteredOn(p -> !p.isError()).extracting(Problem::message)
                .contains("The first 3 updates were not retained.");
    }

    @Test
    void migrationSeesOnlyTheReferenceDataFindings() throws Exception {
        register("complete_agent", 1);
        Files.writeString(data.resolve("complete_agent_state.json"), state(1, 1));
        register("trimmed_agent", 5);
        Files.writeString(data.resolve("trimmed_agent_state.json"), state(5, 3));

        ConsistencyReport findings = checker.check(null).referenceDataFindings();

        assertThat(findings.agents()).extracting(ConsistencyReport.AgentReport::agentId)
                .containsExactly("trimmed_agent");
        assertThat(codes(findings, "trimmed_agent")).containsExactly("HISTORY_INCOMPLETE");
        assertThat(findings.files()).as("warnings about files are the consistency report's").isEmpty();
        assertThat(findings.totals().warnings()).isEqualTo(1);
    }

    private static UpdateLogEntry entry(long seq) {
        return new UpdateLogEntry(seq, NOW, 0.7, 0.8, 0.2, 0.0, 0.65, 0.4, "proceed", 0.125, 0.125, 0.2, "safe",
                false, "healthy", 1.0, 0.5, 0.3, 1.0, 0.0, 0.1 * seq, 0, null, null);
    }

    private void register(String agentId, long totalUpdates) {
        metadata.create(AgentRecord.newAgent(agentId, NOW, "sha256:" + "0".repeat(64))
                .withTotalUpdates(totalUpdates));
    }

    /** A reference state file at {@code updates} that retained the last {@code kept} of them. */
    private static String state(long updates, int kept) {
        String values = String.join(", ", Collections.nCopies(kept, "0.5"));
        String decisions = String.join(", ", Collections.nCopies(kept, "\"proceed\""));
        String stamps = String.join(", ", Collections.nCopies(kept, "\"" + NOW + "\""));
        return """
                {"E": 0.7, "I": 0.8, "S": 0.2, "V": 0.0, "coherence": 0.65, "lambda1": 0.09, "void_active": false,
                 "time": 0.1, "update_count": %d, "unitaires_state": {"E": 0.7, "I": 0.8, "S": 0.2, "V": 0.0},
                 "unitaires_theta": {"C1": 1.0, "eta1": 0.3}, "E_history": [%s], "I_history": [%s],
                 "S_history": [%s], "V_history": [%s], "coherence_history": [%s], "risk_history": [%s],
                 "lambda1_history": [%s], "decision_history": [%s], "timestamp_history": [%s]}
                """.formatted(updates, values, values, values, values, values, values, values, decisions, stamps);
    }

    private static List<String> codes(ConsistencyReport report, String agentId) {
        return agent(report, agentId).stream().map(Problem::code).toList();
    }

    private static List<String> problems(ConsistencyReport report, String agentId) {
        List<Problem> problems = agent(report, agentId);
        assertThat(problems).extracting(Problem::severity).containsOnly(Severity.WARNING);
        return problems.stream().map(p -> p.code() + " " + p.severity().wire() + " " + p.message()).toList();
    }

    private static List<Problem> agent(ConsistencyReport report, String agentId) {
        Map<String, List<Problem>> byId = report.agents().stream().collect(Collectors.toMap(
                ConsistencyReport.AgentReport::agentId, ConsistencyReport.AgentReport::problems));
        assertThat(byId).containsKey(agentId);
        return byId.get(agentId);
    }
}
