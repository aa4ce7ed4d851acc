package io.govflow.flow.migration;

import static io.govflow.flow.migration.ReferenceFixtures.idsWith;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.govflow.support.ApiClient;
import io.govflow.support.RunningApp;
import io.govflow.support.TestFiles;
import tools.jackson.databind.JsonNode;

/**
 * The reference's data directory after start-up migration, through the consistency report and the export
 * validator: every agent is listed, what the reference did not keep ({@code STATE_MISSING}, {@code ORPHAN_STATE},
 * then {@code HISTORY_INCOMPLETE} once an agent without state has updated) is a warning, and nothing is an error.
 */
class ReferenceDataConsistencyTest {

    private static final String ADMIN = "admin-token-for-reference-consistency";
    private static final Set<String> REFERENCE_CODES = Set.of("STATE_MISSING", "ORPHAN_STATE", "HISTORY_INCOMPLETE");

    @TempDir
    Path temp;

    @Test
    void migratedReferenceDataHasWarningsAndNoError() throws Exception {
        Path data = TestFiles.copyFixture("reference-data", temp);
        Map<String, JsonNode> registered = ReferenceFixtures.agents(data);
        Set<String> orphans = stateFileIds(data);
        orphans.removeAll(registered.keySet());
        assertThat(registered).hasSize(34);
        assertThat(orphans).hasSize(20);

        try (RunningApp app = RunningApp.start(data, "--govflow.security.admin-token=" + ADMIN)) {
            ApiClient client = app.client();
            JsonNode report = consistency(client);
            Set<String> everyAgent = new TreeSet<>(registered.keySet());
            everyAgent.addAll(orphans);
            assertThat(ids(report)).isEqualTo(everyAgent);
            assertThat(idsWith(report, "STATE_MISSING")).isEqualTo(registered.keySet());
            assertThat(idsWith(report, "ORPHAN_STATE")).isEqualTo(orphans);
            assertNoErrorAndReferenceFindingsAreWarnings(report);

            String agent = updatableAgentWithUpdates(registered);
            ApiClient.Reply update = client.post("/api/v1/agents/" + agent + "/updates",
                    registered.get(agent).get("api_key").asString(), Map.of());
            assertThat(update.status()).as(update.raw()).isEqualTo(200);
            JsonNode after = consistency(client);
            assertThat(idsWith(after, "HISTORY_INCOMPLETE")).containsExactly(agent);
            assertThat(idsWith(after, "STATE_MISSING")).doesNotContain(agent).hasSize(33);
            assertNoErrorAndReferenceFindingsAreWarnings(after);

            JsonNode validation = client.post("/api/v1/exports/validation", ADMIN, Map.of()).body();
            assertThat(validation.get("totals").get("errors").asLong()).as(validation.toString()).isZero();
            assertThat(validation.get("files").valueStream().map(f -> f.get("file").asString())
                    .filter(f -> f.startsWith("exports/"))).hasSize(TestFiles.filesUnder(data.resolve("exports"))
                            .size());
        }
    }

    private static void assertNoErrorAndReferenceFindingsAreWarnings(JsonNode report) {
        assertThat(report.get("totals").get("errors").asLong()).as(report.toString()).isZero();
        assertThat(report.get("agents")).allSatisfy(a -> assertThat(a.get("ok").asBoolean()).isTrue());
        Set<String> severities = report.get("agents").valueStream().flatMap(a -> a.get("problems").valueStream())
                .filter(p -> REFERENCE_CODES.contains(p.get("code").asString()))
                .map(p -> p.get("severity").asString()).collect(Collectors.toSet());
        assertThat(severities).containsExactly("warning");
    }

    /** An agent the reference recorded updates for, not left in a loop cooldown. */
    private static String updatableAgentWithUpdates(Map<String, JsonNode> registered) {
        return registered.entrySet().stream().filter(e -> e.getValue().get("total_updates").asLong() > 0)
                .filter(e -> e.getValue().get("loop_cooldown_until").isNull()).map(Map.Entry::getKey).findFirst()
                .orElseThrow();
    }

    /** Agents with a state file, in {@code agents/} or at the top level (legacy). */
    private static Set<String> stateFileIds(Path data) throws Exception {
        try (Stream<Path> top = Files.list(data); Stream<Path> agents = Files.list(data.resolve("agents"))) {
            return Stream.concat(top, agents).map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith("_state.json")).map(n -> n.substring(0, n.length() - 11))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static JsonNode consistency(ApiClient client) {
        ApiClient.Reply reply = client.get("/api/v1/consistency", ADMIN);
        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        return reply.body();
    }

    private static Set<String> ids(JsonNode report) {
        return report.get("agents").valueStream().map(a -> a.get("agent_id").asString())
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
