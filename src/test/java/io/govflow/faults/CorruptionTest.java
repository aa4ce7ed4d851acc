package io.govflow.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import io.govflow.support.ApiClient;
import io.govflow.support.ApiClient.Reply;
import io.govflow.support.RunningApp;
import io.govflow.support.StoreInvariants;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;

/**
 * Damaged files at rest (truncated, garbage, zero-filled, emptied, a flipped byte in a CRC-protected log line),
 * found by a service started on them: the affected agent answers {@code STATE_CORRUPT} — the whole registry
 * {@code METADATA_CORRUPT} — with a recovery block naming the repair endpoint; the damaged file is never
 * overwritten or read as "no data", its agent's metadata is never stepped back to match it; other agents keep
 * working. A log that ends before its checkpoints (truncated, or its last line damaged) has lost committed
 * lines: that is corruption too, not a torn tail. Then repair runs: a damaged state file goes to quarantine/
 * and is rebuilt from the log; a damaged log or registry is left as it is and named in the report.
 */
class CorruptionTest {

    /** Who notices the damage. */
    enum Scope {
        /** Every request on the agent: the file is read on every access. */
        AGENT,
        /** Every request: the registry is damaged, no agent can be authenticated or created. */
        REGISTRY,
        /**
         * Requests that read the log's recent window (updates with an Idempotency-Key, and full readers such as
         * exports and the consistency check): a damaged line before the tail is not on the path of metrics or
         * plain updates, which are served from intact checkpoints, and it is never rewritten.
         */
        LOG_WINDOW
    }

    /** What {@code POST /api/v1/maintenance/repair} does with the damage. */
    enum Repair {
        /** Moves the damaged file to quarantine/ and rebuilds it from the update log: the agent works again. */
        QUARANTINES_AND_REBUILDS,
        /**
         * Nothing it could rebuild from (the log itself is damaged, or the registry with its key hashes): the file
         * stays as it is and the consistency report names the problem for an operator.
         */
        LEAVES_IT_FOR_AN_OPERATOR
    }

    /** Where a damaged file sits and what the service must answer. */
    record Target(String name, String relativePath, String code, Scope scope, Repair repair) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** What happens to the file's bytes. */
    enum Damage {
        TRUNCATED_TO_HALF, GARBAGE, ZERO_FILLED, EMPTIED, MIDDLE_LINE_GARBLED, LAST_LINE_BYTE_FLIPPED,
        MIDDLE_LINE_BYTE_FLIPPED;

        byte[] apply(byte[] content, Random random) {
            return switch (this) {
                case TRUNCATED_TO_HALF -> Arrays.copyOf(content, content.length / 2);
                case GARBAGE -> {
                    byte[] out = new byte[content.length];
                    random.nextBytes(out);
                    yield out;
                }
                case ZERO_FILLED -> new byte[content.length];
                case EMPTIED -> new byte[0];
                case MIDDLE_LINE_GARBLED -> replaceLine(content, 1, "{\"seq\": 2, garbage\n".getBytes(StandardCharsets.UTF_8));
                case LAST_LINE_BYTE_FLIPPED -> flip(content, lineStart(content, lineCount(content) - 1) + 20);
                case MIDDLE_LINE_BYTE_FLIPPED -> flip(content, lineStart(content, 1) + 20);
            };
        }
    }

    static final String ADMIN = "corruption-test-admin-token";
    static final String AGENT = "damaged_agent";
    static final String OTHER = "healthy_agent";
    static final String STATE = "agents/" + AGENT + "_state.json";
    static final String LOG = "agents/" + AGENT + "_updates.jsonl";
    static final String METADATA = "agent_metadata.json";

    @TempDir
    static Path work;

    static Path pristine;
    static final Map<String, String> KEYS = new java.util.HashMap<>();

    @BeforeAll
    static void writeAPristineDataDirectory() {
        io.govflow.support.SecretLedger.configured(ADMIN);
        pristine = work.resolve("pristine");
        try (RunningApp app = RunningApp.start(pristine, "--govflow.governance.loop-detection=false")) {
            for (String agent : List.of(AGENT, OTHER)) {
                String key = app.client().register(agent);
                KEYS.put(agent, key);
                for (int n = 0; n < 3; n++) {
                    assertThat(update(app.client(), agent).status()).isEqualTo(200);
                }
            }
        }
    }

    static Stream<Arguments> damagedFiles() {
        Target state = new Target("state file", STATE, "STATE_CORRUPT", Scope.AGENT, Repair.QUARANTINES_AND_REBUILDS);
        Target log = new Target("update log", LOG, "STATE_CORRUPT", Scope.AGENT, Repair.LEAVES_IT_FOR_AN_OPERATOR);
        Target logWindow = new Target("update log before its tail", LOG, "STATE_CORRUPT", Scope.LOG_WINDOW,
                Repair.LEAVES_IT_FOR_AN_OPERATOR);
        Target metadata = new Target("agent metadata", METADATA, "METADATA_CORRUPT", Scope.REGISTRY,
                Repair.LEAVES_IT_FOR_AN_OPERATOR);
        // An emptied (0-byte) update log is not in the list: it is what an agent from before update logs looks
        // like after a crash in its first append, so it is read as "no log yet" (10-storage.md §6).
        return Stream.of(
                Arguments.of(state, Damage.TRUNCATED_TO_HALF), Arguments.of(state, Damage.GARBAGE),
                Arguments.of(state, Damage.ZERO_FILLED), Arguments.of(state, Damage.EMPTIED),
                Arguments.of(metadata, Damage.TRUNCATED_TO_HALF), Arguments.of(metadata, Damage.GARBAGE),
                Arguments.of(metadata, Damage.ZERO_FILLED), Arguments.of(metadata, Damage.EMPTIED),
                Arguments.of(log, Damage.TRUNCATED_TO_HALF), Arguments.of(log, Damage.LAST_LINE_BYTE_FLIPPED),
                Arguments.of(log, Damage.GARBAGE), Arguments.of(logWindow, Damage.MIDDLE_LINE_GARBLED),
                Arguments.of(logWindow, Damage.MIDDLE_LINE_BYTE_FLIPPED));
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("damagedFiles")
    void aDamagedFileIsReportedNeverResetAndNamesTheRepair(Target target, Damage damage) throws IOException {
        Path dataDir = work.resolve(target.name().replace(' ', '_') + "-" + damage);
        FileSystemUtils.copyRecursively(pristine, dataDir);
        Path file = dataDir.resolve(target.relativePath());
        byte[] damaged = damage.apply(Files.readAllBytes(file), new Random(damage.ordinal()));
        Files.write(file, damaged);

        try (RunningApp app = RunningApp.start(dataDir, "--govflow.governance.loop-detection=false",
                "--govflow.security.admin-token=" + ADMIN)) {
            ApiClient client = app.client();
            String key = KEYS.get(AGENT);
            switch (target.scope()) {
                case AGENT -> {
                    assertCorrupt(client.get("/api/v1/agents/" + AGENT + "/metrics", key), target.code());
                    assertCorrupt(client.get("/api/v1/agents/" + AGENT, key), target.code());
                    assertCorrupt(update(client, AGENT), target.code());
                    assertCorrupt(idempotentUpdate(client, AGENT), target.code());
                }
                case LOG_WINDOW -> {
                    assertCorrupt(idempotentUpdate(client, AGENT), target.code());
                    assertThat(client.get("/api/v1/agents/" + AGENT + "/metrics", key).status()).isEqualTo(200);
                }
                case REGISTRY -> {
                    assertCorrupt(client.get("/api/v1/agents/" + AGENT, key), target.code());
                    assertCorrupt(update(client, AGENT), target.code());
                    assertCorrupt(client.post("/api/v1/agents", null, Map.of("agent_id", "newcomer_agent")),
                            target.code());
                    assertCorrupt(update(client, OTHER), target.code());
                }
            }
            if (target.scope() != Scope.REGISTRY) {
                assertThat(client.get("/api/v1/agents/" + OTHER + "/metrics", KEYS.get(OTHER)).status()).isEqualTo(200);
                assertThat(update(client, OTHER).status()).isEqualTo(200);
                assertThat(new StoreInvariants(dataDir).agents().get(AGENT).totalUpdates())
                        .as("the damaged agent's metadata is not stepped back").isEqualTo(3);
            }
            assertThat(Files.readAllBytes(file)).as("the damaged file is left as it was").isEqualTo(damaged);
            repair(client, target, file, damaged);
        }
    }

    /**
     * An append that never completed (no newline) is not damage: start-up moves it to quarantine/ as the next
     * append would, and the agent works at once.
     */
    @org.junit.jupiter.api.Test
    void aTornAppendIsQuarantinedAtStartUpAndTheAgentWorks() throws IOException {
        Path dataDir = work.resolve("torn-append");
        FileSystemUtils.copyRecursively(pristine, dataDir);
        Path log = dataDir.resolve(LOG);
        byte[] intact = Files.readAllBytes(log);
        Files.write(log, "{\"seq\": 4, \"ts\": \"2026-".getBytes(StandardCharsets.UTF_8),
                java.nio.file.StandardOpenOption.APPEND);
        try (RunningApp app = RunningApp.start(dataDir, "--govflow.governance.loop-detection=false",
                "--govflow.security.admin-token=" + ADMIN)) {
            assertThat(Files.readAllBytes(log)).isEqualTo(intact);
            assertThat(quarantined(dataDir)).hasSize(1);
            assertThat(app.client().get("/api/v1/consistency", ADMIN).body().get("totals").get("errors").asLong())
                    .isZero();
            assertThat(update(app.client(), AGENT).body().get("metrics").get("updates").asLong()).isEqualTo(4);
        }
    }

    private static void repair(ApiClient client, Target target, Path file, byte[] damaged) throws IOException {
        Reply repair = client.post("/api/v1/maintenance/repair", ADMIN, Map.of());
        assertThat(repair.status()).as(repair.raw()).isEqualTo(200);
        JsonNode report = repair.body().get("consistency");
        Path dataDir = work.resolve(file.getParent().getFileName().toString().equals("agents")
                ? file.getParent().getParent().getFileName().toString() : file.getParent().getFileName().toString());
        if (target.repair() == Repair.QUARANTINES_AND_REBUILDS) {
            assertThat(repair.body().get("actions").findValuesAsString("action")).contains("quarantine_state_file");
            List<Path> quarantined = quarantined(dataDir);
            assertThat(quarantined).hasSize(1);
            assertThat(Files.readAllBytes(quarantined.get(0))).as("damaged bytes kept").isEqualTo(damaged);
            assertThat(report.get("totals").get("errors").asLong()).isZero();
            assertThat(client.get("/api/v1/agents/" + AGENT + "/metrics", KEYS.get(AGENT)).status()).isEqualTo(200);
            assertThat(update(client, AGENT).body().get("metrics").get("updates").asLong()).isEqualTo(4);
            return;
        }
        // every damaged byte is kept: the file as it was, or (a damaged last line looks like a torn append)
        // the good part in place and the rest in quarantine/
        java.io.ByteArrayOutputStream kept = new java.io.ByteArrayOutputStream();
        kept.write(Files.readAllBytes(file));
        for (Path moved : quarantined(dataDir)) {
            kept.write(Files.readAllBytes(moved));
        }
        assertThat(kept.toByteArray()).as("damaged bytes kept for an operator").isEqualTo(damaged);
        assertThat(report.get("totals").get("errors").asLong()).isPositive();
        if (target.scope() == Scope.REGISTRY) {
            assertThat(report.get("files").toString()).contains("METADATA_CORRUPT");
        } else {
            assertThat(report.get("agents").toString()).contains("\"agent_id\":\"" + AGENT + "\",\"ok\":false")
                    .contains("\"agent_id\":\"" + OTHER + "\",\"ok\":true");
        }
    }

    private static List<Path> quarantined(Path dataDir) throws IOException {
        Path dir = dataDir.resolve("quarantine");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }

    private static Reply idempotentUpdate(ApiClient client, String agent) {
        return client.send("POST", "/api/v1/agents/" + agent + "/updates", KEYS.get(agent), Map.of("complexity", 0.5),
                Map.of("Idempotency-Key", "after-damage"));
    }

    private static void assertCorrupt(Reply reply, String code) {
        assertThat(reply.status()).as(reply.raw()).isEqualTo(503);
        JsonNode body = reply.body();
        assertThat(body.get("error_code").asString()).isEqualTo(code);
        assertThat(body.get("recovery").get("related_tools").toString()).contains("repair");
        assertThat(body.get("recovery").get("workflow").asString()).contains("/api/v1/maintenance/repair");
        assertThat(reply.raw()).doesNotContain(work.toString()).doesNotContain("Exception");
    }

    private static Reply update(ApiClient client, String agent) {
        return client.post("/api/v1/agents/" + agent + "/updates", KEYS.get(agent), Map.of("complexity", 0.5));
    }

    private static byte[] flip(byte[] content, int at) {
        byte[] out = content.clone();
        out[at] ^= 0x01;
        return out;
    }

    private static byte[] replaceLine(byte[] content, int line, byte[] replacement) {
        int start = lineStart(content, line);
        int end = lineStart(content, line + 1);
        byte[] out = new byte[content.length - (end - start) + replacement.length];
        System.arraycopy(content, 0, out, 0, start);
        System.arraycopy(replacement, 0, out, start, replacement.length);
        System.arraycopy(content, end, out, start + replacement.length, content.length - end);
        return out;
    }

    private static int lineCount(byte[] content) {
        int lines = 0;
        for (byte b : content) {
            if (b == '\n') {
                lines++;
            }
        }
        return lines;
    }

    private static int lineStart(byte[] content, int line) {
        int seen = 0;
        for (int i = 0; i < content.length && seen < line; i++) {
            if (content[i] == '\n' && ++seen == line) {
                return i + 1;
            }
        }
        return line == 0 ? 0 : content.length;
    }
}
