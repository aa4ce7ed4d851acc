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
 * lines: that is corruption too, not a torn tail.
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

    /** Where a damaged file sits and what the service must answer. */
    record Target(String name, String relativePath, String code, Scope scope) {
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
        Target state = new Target("state file", STATE, "STATE_CORRUPT", Scope.AGENT);
        Target log = new Target("update log", LOG, "STATE_CORRUPT", Scope.AGENT);
        Target logWindow = new Target("update log before its tail", LOG, "STATE_CORRUPT", Scope.LOG_WINDOW);
        Target metadata = new Target("agent metadata", METADATA, "METADATA_CORRUPT", Scope.REGISTRY);
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

        try (RunningApp app = RunningApp.start(dataDir, "--govflow.governance.loop-detection=false")) {
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
