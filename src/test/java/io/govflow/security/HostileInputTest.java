package io.govflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import io.govflow.store.io.DataDirectory;
import io.govflow.store.io.LockHandle;
import io.govflow.store.io.LockKey;
import io.govflow.store.io.LockManager;
import io.govflow.store.io.LockHolderMain;
import io.govflow.store.io.StoreHealth;
import io.govflow.support.StoreUnderTest;
import io.govflow.support.ApiClient;
import io.govflow.support.ApiClient.Reply;
import io.govflow.support.BeforeAppStart;
import io.govflow.support.ChildService;
import io.govflow.support.DataDirChecks;
import io.govflow.support.FaultyFsync;
import io.govflow.support.FaultyFsync.Fault;
import io.govflow.support.FaultyFsync.Target;
import io.govflow.support.FaultyFsyncSource;
import io.govflow.support.FileTree;
import io.govflow.support.GovflowApp;
import io.govflow.support.RunningApp;
import io.govflow.support.SecretLedger;
import io.govflow.support.StoreInvariants;
import io.govflow.support.SuiteOutputCapture;
import io.govflow.support.TestFiles;
import io.govflow.support.TmpfsMount;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * The 50 attack cases of the reliability and security notes (§5), one parameterized test over the real service,
 * with the expected outcomes adapted to the specification where the two differ (ids are case-sensitive and may
 * be mixed-case, so {@code CON} is a valid id on a POSIX file system; governance reads need any credential; a
 * damaged file answers {@code STATE_CORRUPT} 503 and is quarantined only by repair; keys carry a prefix, not a
 * checksum; no per-file binary headers; there is no rate limit on failed authentication, and no timing
 * measurement in unit tests). Every failure answer of every case is checked afterwards for an absolute path, an
 * exception class name, a stack trace, key material and its request id; nothing may appear outside the data
 * directory.
 */
@GovflowApp(sources = FaultyFsyncSource.class, args = {"--govflow.governance.loop-detection=false",
        "--govflow.security.admin-token=" + HostileInputTest.ADMIN, "--logging.level.io.govflow=INFO",
        // checkpoints only when an attack flushes them: no background write meets a fault armed for a request
        "--govflow.store.metadata-flush-interval=1h", "--govflow.store.state-checkpoint-interval=1h",
        "--govflow.store.state-checkpoint-lines=1000000", "--govflow.store.max-checkpoint-lag=2h"})
class HostileInputTest {

    static final String ADMIN = "hostile-admin-token-7d2f90c4";
    private static final String VICTIM = "victim_agent";
    private static final String ATTACKER = "attacker_agent";

    /** The parent of the data directory: beside it only {@code outside} and the directories of some cases. */
    static Path work;
    static Path dataDir;
    static Path outside;
    static RunningApp app;
    static final Map<String, String> KEYS = new HashMap<>();
    static final List<String> FAILURE_BODIES = new CopyOnWriteArrayList<>();
    static Map<String, String> outsideBefore;

    /** One numbered case of the notes, with its adapted expectation. */
    record Attack(int number, String title, Check check) {
        @Override
        public String toString() {
            return "#" + number + " " + title;
        }
    }

    @FunctionalInterface
    interface Check {
        void run() throws Exception;
    }

    @BeforeAppStart
    static void prepareBesideTheDataDirectory(Path data) throws Exception {
        SecretLedger.configured(ADMIN);
        dataDir = data;
        work = data.getParent();
        outside = Files.createDirectories(work.resolve("outside"));
        Files.writeString(outside.resolve("passwd"), "root:x:0:0:root:/root:/bin/sh\n");
    }

    @BeforeAll
    static void start() throws Exception {
        for (String agent : List.of(VICTIM, ATTACKER)) {
            KEYS.put(agent, client().register(agent));
        }
        for (int n = 0; n < 2; n++) {
            expectOk(update(VICTIM, KEYS.get(VICTIM), Map.of()));
        }
        outsideBefore = FileTree.fingerprint(outside);
    }

    @AfterAll
    static void stop() {
        // closed before the checks below; the extension's close afterwards does nothing
        if (app != null) {
            app.close();
        }
        assertThat(FAILURE_BODIES).hasSizeGreaterThan(50).allSatisfy(HostileInputTest::assertSanitized);
        assertThat(FileTree.fingerprint(outside)).as("nothing outside the data directory changed")
                .isEqualTo(outsideBefore);
        try (Stream<Path> top = Files.list(work)) {
            // mnt: the scratch mount of the attacks on files, which run on the file store only
            assertThat(top.map(p -> p.getFileName().toString())).as("nothing created beside the data directory")
                    .isSubsetOf("data", "outside", "mnt", "crash").contains("data", "outside");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attacks")
    void attack(Attack attack) throws Exception {
        Assumptions.assumeFalse(StoreUnderTest.postgres() && ON_FILES.contains(attack.number()),
                "an attack on the data directory's files: the file store's own test");
        attack.check().run();
    }

    /** Attacks that plant, inspect or break files of the data directory (the file store's concern only). */
    private static final Set<Integer> ON_FILES = Set.of(10, 14, 16, 25, 26, 45, 46, 47, 49, 50);

    static Stream<Attack> attacks() {
        return Stream.of(
                // --- identifiers and paths -------------------------------------------------------------------
                new Attack(1, "../../etc/passwd as an id, in the body and in the path", () -> {
                    expect(register("../../etc/passwd"), 400, "INVALID_AGENT_ID");
                    expect(client().post("/api/v1/agents", null, Map.of("agent_id", "valid_child_1",
                            "parent_agent_id", "../../etc/passwd")), 400, "INVALID_AGENT_ID");
                    Raw.Answer literal = rawGet("/api/v1/agents/../../etc/passwd/metrics");
                    assertThat(literal.status()).isIn(400, 404);
                    recordRaw(literal);
                    expectRaw(rawGet("/api/v1/agents/..%2F..%2Fetc%2Fpasswd/metrics"), 400, "INVALID_AGENT_ID");
                }),
                new Attack(2, "'..', '.', empty and blank ids", () -> {
                    for (String id : List.of("..", ".", "", "   ", "\t")) {
                        expect(register(id), 400, "INVALID_AGENT_ID");
                    }
                    Raw.Answer dot = rawGet("/api/v1/agents/./metrics");
                    assertThat(dot.status()).isIn(400, 401, 404, 405);
                    recordRaw(dot);
                }),
                new Attack(3, "URL-encoded ../ in the path", () -> expectRaw(
                        rawGet("/api/v1/agents/%2e%2e%2f%2e%2e%2fetc/metrics"), 400, "INVALID_AGENT_ID")),
                new Attack(4, "double encoding is decoded once, then refused", () -> expect(
                        client().get("/api/v1/agents/%252e%252e%252fetc/metrics", KEYS.get(VICTIM)), 400,
                        "INVALID_AGENT_ID")),
                new Attack(5, "absolute path as an id in a JSON body", () -> {
                    expect(register("/etc/passwd"), 400, "INVALID_AGENT_ID");
                    expect(register(outside.resolve("passwd").toString()), 400, "INVALID_AGENT_ID");
                }),
                new Attack(6, "backslashes", () -> {
                    expect(register("..\\..\\windows\\win.ini"), 400, "INVALID_AGENT_ID");
                    Raw.Answer answer = rawGet("/api/v1/agents/..%5C..%5Cwin/metrics");
                    expectRaw(answer, 400, "INVALID_AGENT_ID");
                }),
                new Attack(7, "NUL in the URL and in JSON", () -> {
                    expectRaw(rawGet("/api/v1/agents/abc%00.json/metrics"), 400, "INVALID_AGENT_ID");
                    expect(client().post("/api/v1/agents", null, "{\"agent_id\": \"abc\\u0000def\"}"), 400,
                            "INVALID_AGENT_ID");
                    expect(client().send("PATCH", "/api/v1/agents/" + VICTIM, KEYS.get(VICTIM),
                            "{\"tags\": [\"a\\u0000b\"]}", Map.of()), 400, "VALIDATION_FAILED");
                }),
                new Attack(8, "fullwidth dots and slash are not normalized", () -> {
                    expect(register("\uFF0E\uFF0E\uFF0Fetc"), 400, "INVALID_AGENT_ID");
                    expectRaw(rawGet("/api/v1/agents/%EF%BC%8E%EF%BC%8E%EF%BC%8Fetc/metrics"), 400,
                            "INVALID_AGENT_ID");
                }),
                new Attack(9, "NFC and NFD look-alikes are both refused (ASCII only)", () -> {
                    expect(register("caf\u00e9_agent"), 400, "INVALID_AGENT_ID");
                    expect(register("cafe\u0301_agent"), 400, "INVALID_AGENT_ID");
                }),
                new Attack(10, "ids are case-sensitive (spec): Agent-1 and agent-1 are two agents", () -> {
                    String upper = expectCreated(register("Case-Agent-1")).get("api_key").asString();
                    String lower = expectCreated(register("case-agent-1")).get("api_key").asString();
                    expectOk(update("Case-Agent-1", upper, Map.of()));
                    expect(update("case-agent-1", upper, Map.of()), 401, "AUTHENTICATION_FAILED");
                    expectOk(update("case-agent-1", lower, Map.of()));
                    assertThat(dataDir.resolve("agents/Case-Agent-1_updates.jsonl")).exists();
                    assertThat(dataDir.resolve("agents/case-agent-1_updates.jsonl")).exists();
                }),
                new Attack(11, "reserved Windows names: dots and spaces refused, CON/COM1 are plain ids (spec)", () -> {
                    for (String id : List.of("nul.json", "abc.", "abc ", "con.txt", "aux:")) {
                        expect(register(id), 400, "INVALID_AGENT_ID");
                    }
                    expectCreated(register("CON"));
                    expectCreated(register("COM1"));
                }),
                new Attack(12, "256-byte and 10 KB ids", () -> {
                    expect(register("a".repeat(256)), 400, "INVALID_AGENT_ID");
                    expect(register("a".repeat(10 * 1024)), 400, "INVALID_AGENT_ID");
                    expect(client().get("/api/v1/agents/" + "a".repeat(256) + "/metrics", KEYS.get(VICTIM)), 400,
                            "INVALID_AGENT_ID");
                    Raw.Answer huge = rawGet("/api/v1/agents/" + "a".repeat(10 * 1024) + "/metrics");
                    assertThat(huge.status()).isIn(400, 414, 431);
                    recordRaw(huge);
                }),
                new Attack(13, "a/b creates no subdirectory", () -> {
                    expect(register("a/b_agent"), 400, "INVALID_AGENT_ID");
                    expectRaw(rawGet("/api/v1/agents/a%2Fb_agent/metrics"), 400, "INVALID_AGENT_ID");
                    assertThat(dataDir.resolve("agents/a")).doesNotExist();
                }),
                new Attack(14, "ids that look like internal files", () -> {
                    for (String id : List.of("x.tmp", "global.lock", ".hidden", ".metadata.lock", "agent_metadata.json")) {
                        expect(register(id), 400, "INVALID_AGENT_ID");
                    }
                    expectCreated(register("metadata"));
                    assertThat(dataDir.resolve("agent_metadata.json")).isRegularFile();
                }),
                new Attack(15, "CR/LF in an id and in headers never forges a log line or a header", () -> {
                    expect(register("abc\r\nINFO forged entry"), 400, "INVALID_AGENT_ID");
                    Raw.Answer answer = Raw.send(port(), "GET /api/v1/agents/" + VICTIM + "/metrics HTTP/1.1",
                            new String[] { "Authorization: Bearer " + KEYS.get(VICTIM),
                                    "X-Request-Id: forged\tINFO forged entry" }, null);
                    assertThat(answer.status()).isEqualTo(200);
                    assertThat(answer.header("X-Request-Id")).matches("[0-9a-f]{32}");
                    assertThat(SuiteOutputCapture.captured().lines()).noneMatch(l -> l.startsWith("INFO forged"));
                }),
                new Attack(16, "planted symlinks are never followed, for reading or writing", () -> {
                    String agent = "linked_agent";
                    String key = expectCreated(register(agent)).get("api_key").asString();
                    expectOk(update(agent, key, Map.of()));
                    app.flushCheckpoints();
                    Path state = dataDir.resolve("agents/" + agent + "_state.json");
                    Path log = dataDir.resolve("agents/" + agent + "_updates.jsonl");
                    Path outsideState = outside.resolve("state.json");
                    Path outsideLog = outside.resolve("log.jsonl");
                    Files.copy(state, outsideState);
                    Files.copy(log, outsideLog);
                    outsideBefore = FileTree.fingerprint(outside);
                    Files.delete(state);
                    Files.createSymbolicLink(state, outsideState);
                    Files.delete(log);
                    Files.createSymbolicLink(log, outsideLog);
                    app.restart();
                    expect(client().get("/api/v1/agents/" + agent + "/metrics", key), 503, "STATE_CORRUPT");
                    expect(update(agent, key, Map.of()), 503, "STATE_CORRUPT");
                    assertThat(FileTree.fingerprint(outside)).isEqualTo(outsideBefore);
                    for (Path link : List.of(state, log)) {
                        Files.delete(link);
                    }
                    Files.copy(outsideState, state);
                    Files.copy(outsideLog, log);
                    expectOk(update(agent, key, Map.of()));
                    // The shared files, read by a running instance: a link is damage, never a file to read through.
                    Path graph = dataDir.resolve("knowledge_graph.json");
                    Path thresholds = dataDir.resolve("thresholds.json");
                    Path outsideGraph = outside.resolve("knowledge_graph.json");
                    Path outsideThresholds = outside.resolve("thresholds.json");
                    Files.copy(TestFiles.fixturesDir().resolve("reference-data/knowledge_graph.json"), outsideGraph);
                    Files.writeString(outsideThresholds, "{\"risk_approve_threshold\": 0.01, "
                            + "\"risk_revise_threshold\": 0.02, \"coherence_critical_threshold\": 0.9, "
                            + "\"void_threshold_initial\": 0.1}");
                    outsideBefore = FileTree.fingerprint(outside);
                    Path aside = Files.createDirectories(work.resolve("aside-16"));
                    for (Path shared : List.of(graph, thresholds)) {
                        if (Files.exists(shared)) {
                            Files.move(shared, aside.resolve(shared.getFileName()));
                        }
                    }
                    Files.createSymbolicLink(graph, outsideGraph);
                    Files.createSymbolicLink(thresholds, outsideThresholds);
                    expect(client().get("/api/v1/discoveries", key), 503, "STATE_CORRUPT");
                    expect(client().get("/api/v1/config/thresholds", key), 500, "STORAGE_ERROR");
                    expect(update(agent, key, Map.of()), 500, "STORAGE_ERROR");
                    assertThat(FileTree.fingerprint(outside)).isEqualTo(outsideBefore);
                    for (Path shared : List.of(graph, thresholds)) {
                        Files.delete(shared);
                        if (Files.exists(aside.resolve(shared.getFileName()))) {
                            Files.move(aside.resolve(shared.getFileName()), shared);
                        }
                    }
                    Files.delete(aside);
                    expectOk(client().get("/api/v1/discoveries", key));
                    expectOk(update(agent, key, Map.of()));
                }),
                // --- authentication --------------------------------------------------------------------------
                new Attack(17, "no Authorization header", () -> {
                    Reply reply = expect(update(VICTIM, null, Map.of()), 401, "AUTHENTICATION_REQUIRED");
                    assertThat(reply.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                            v -> assertThat(v).startsWith("Bearer"));
                }),
                new Attack(18, "malformed Authorization headers; the scheme is case-insensitive, 1*SP allowed", () -> {
                    String key = KEYS.get(VICTIM);
                    expect(withAuthorization("Bearer"), 401, "AUTHENTICATION_REQUIRED");
                    expect(withAuthorization("Bearer "), 401, "AUTHENTICATION_REQUIRED");
                    expect(withAuthorization("Basic " + key), 401, "AUTHENTICATION_REQUIRED");
                    expect(withAuthorization("Token " + key), 401, "AUTHENTICATION_REQUIRED");
                    expect(withAuthorization(key), 401, "AUTHENTICATION_REQUIRED");
                    expect(withAuthorization("Bearer " + key + "x"), 401, "AUTHENTICATION_FAILED");
                    expect(withAuthorization("Bearer " + key.substring(1)), 401, "AUTHENTICATION_FAILED");
                    expectOk(withAuthorization("bearer " + key));
                    expectOk(withAuthorization("Bearer  " + key));
                }),
                new Attack(19, "a well-formed key (right prefix and length) that was never issued", () -> {
                    Reply forged = expect(update(VICTIM, "gvf_" + "A".repeat(43), Map.of()), 401,
                            "AUTHENTICATION_FAILED");
                    Reply random = expect(update(VICTIM, "no-such-key", Map.of()), 401, "AUTHENTICATION_FAILED");
                    assertSameAnswer(forged, random);
                }),
                new Attack(20, "a rotated (revoked) key answers exactly like an unknown key", () -> {
                    String agent = "rotated_agent";
                    String old = expectCreated(register(agent)).get("api_key").asString();
                    Reply rotated = client().post("/api/v1/agents/" + agent + "/api-key/rotate", old, null);
                    assertThat(rotated.status()).as(rotated.raw()).isEqualTo(200);
                    String fresh = rotated.body().get("api_key").asString();
                    Reply revoked = expect(update(agent, old, Map.of()), 401, "AUTHENTICATION_FAILED");
                    Reply unknown = expect(update(agent, "gvf_" + "B".repeat(43), Map.of()), 401,
                            "AUTHENTICATION_FAILED");
                    assertSameAnswer(revoked, unknown);
                    expectOk(update(agent, fresh, Map.of()));
                }),
                new Attack(21, "a key in the query string is not a credential and is not logged", () -> {
                    String key = KEYS.get(VICTIM);
                    expect(client().post("/api/v1/agents/" + VICTIM + "/updates?api_key=" + key, null, Map.of()), 401,
                            "AUTHENTICATION_REQUIRED");
                    expect(client().get("/api/v1/agents/" + VICTIM + "/metrics?access_token=" + key, null), 401,
                            "AUTHENTICATION_REQUIRED");
                    SecretLedger.assertAbsent("console output", SuiteOutputCapture.captured());
                }),
                new Attack(22, "X-API-Key is not a credential (only Authorization: Bearer)", () -> {
                    String key = KEYS.get(VICTIM);
                    expect(client().send("POST", "/api/v1/agents/" + VICTIM + "/updates", null, Map.of(),
                            Map.of("X-API-Key", key)), 401, "AUTHENTICATION_REQUIRED");
                    expectOk(client().send("POST", "/api/v1/agents/" + VICTIM + "/updates", key, Map.of(),
                            Map.of("X-API-Key", "something-else")));
                }),
                new Attack(23, "guessing: a prefixed wrong secret and a random string get the same answer", () -> {
                    // timing is not asserted in unit tests; the comparison is between equal-length digests
                    Reply prefixed = expect(update(VICTIM, KEYS.get(ATTACKER).substring(0, 20) + "x".repeat(27),
                            Map.of()), 401, "AUTHENTICATION_FAILED");
                    Reply random = expect(update(VICTIM, "x".repeat(47), Map.of()), 401, "AUTHENTICATION_FAILED");
                    assertSameAnswer(prefixed, random);
                }),
                new Attack(24, "200 failed keys in a row: all 401, no 5xx, the real key still works", () -> {
                    for (int n = 0; n < 200; n++) {
                        Reply reply = update(VICTIM, "gvf_guess" + n, Map.of());
                        assertThat(reply.status()).isEqualTo(401);
                        if (n % 50 == 0) {
                            recordFailure(reply);
                        }
                    }
                    expectOk(update(VICTIM, KEYS.get(VICTIM), Map.of()));
                }),
                // --- authorization and tenant isolation ------------------------------------------------------
                new Attack(25, "another agent's key: reads allowed (spec), mutations refused", () -> {
                    String attacker = KEYS.get(ATTACKER);
                    assertThat(client().get("/api/v1/agents/" + VICTIM + "/metrics", attacker).status()).isEqualTo(200);
                    Map<String, String> before = FileTree.fingerprint(dataDir.resolve("agents"));
                    expect(update(VICTIM, attacker, Map.of()), 401, "AUTHENTICATION_FAILED");
                    expect(client().send("PATCH", "/api/v1/agents/" + VICTIM, attacker, Map.of("notes", "owned"),
                            Map.of()), 401, "AUTHENTICATION_FAILED");
                    expect(client().post("/api/v1/agents/" + VICTIM + "/archive", attacker, Map.of()), 401,
                            "AUTHENTICATION_FAILED");
                    expect(client().send("DELETE", "/api/v1/agents/" + VICTIM, attacker, null, Map.of()), 401,
                            "AUTHENTICATION_FAILED");
                    expect(client().post("/api/v1/agents/" + VICTIM + "/api-key/rotate", attacker, null), 401,
                            "AUTHENTICATION_FAILED");
                    assertThat(FileTree.fingerprint(dataDir.resolve("agents"))).isEqualTo(before);
                }),
                new Attack(26, "another tenant's context document is not found, and stays as it was", () -> {
                    Reply put = client().send("PUT", "/api/v1/agents/" + VICTIM + "/context/project.notes",
                            KEYS.get(VICTIM), Map.of("src", "victim", "d", Map.of("plan", "secret plan")), Map.of());
                    assertThat(put.status()).as(put.raw()).isIn(200, 201);
                    Path workspace = dataDir.resolve("workspace/workspace_" + VICTIM);
                    Map<String, String> before = FileTree.fingerprint(workspace);
                    String attacker = KEYS.get(ATTACKER);
                    Reply read = expect(client().get("/api/v1/agents/" + VICTIM + "/context/project.notes?view=full",
                            attacker), 404, "CONTEXT_NOT_FOUND");
                    assertThat(read.raw()).doesNotContain("secret plan");
                    expect(client().send("PUT", "/api/v1/agents/" + VICTIM + "/context/project.notes", attacker,
                            Map.of("src", "attacker", "d", Map.of("plan", "mine")), Map.of()), 404, "CONTEXT_NOT_FOUND");
                    expect(client().send("DELETE", "/api/v1/agents/" + VICTIM + "/context/project.notes", attacker,
                            null, Map.of()), 404, "CONTEXT_NOT_FOUND");
                    assertThat(FileTree.fingerprint(workspace)).isEqualTo(before);
                }),
                new Attack(27, "a tenant or agent id smuggled in a body is an unknown field", () -> {
                    expect(update(VICTIM, KEYS.get(VICTIM), Map.of("tenant_id", ATTACKER)), 400, "VALIDATION_FAILED");
                    expect(client().send("PUT", "/api/v1/agents/" + ATTACKER + "/context/project.notes",
                            KEYS.get(ATTACKER), Map.of("src", "a", "d", Map.of(), "agent_id", VICTIM), Map.of()), 400,
                            "VALIDATION_FAILED");
                }),
                new Attack(28, "mass assignment is refused and counters advance by exactly one", () -> {
                    long before = seq(expectOk(update(VICTIM, KEYS.get(VICTIM), Map.of())));
                    expect(update(VICTIM, KEYS.get(VICTIM), Map.of("version", 999, "owner", "admin", "role",
                            "operator", "created_at", 0)), 400, "VALIDATION_FAILED");
                    expect(update(VICTIM, KEYS.get(VICTIM), Map.of("update_count", 1_000_000)), 400,
                            "VALIDATION_FAILED");
                    expect(client().post("/api/v1/agents", null, Map.of("agent_id", "mass_assigned", "api_key", "mine",
                            "status", "archived", "total_updates", 99)), 400, "VALIDATION_FAILED");
                    expect(client().send("PATCH", "/api/v1/agents/" + VICTIM, KEYS.get(VICTIM),
                            Map.of("status", "archived", "api_key", "mine"), Map.of()), 400, "VALIDATION_FAILED");
                    assertThat(seq(expectOk(update(VICTIM, KEYS.get(VICTIM), Map.of())))).isEqualTo(before + 1);
                }),
                new Attack(29, "duplicate keys in a JSON object", () -> {
                    expect(client().post("/api/v1/agents/" + VICTIM + "/updates", KEYS.get(VICTIM),
                            "{\"complexity\": 0.1, \"complexity\": 0.9}"), 400, "MALFORMED_JSON");
                    expect(client().post("/api/v1/agents", null,
                            "{\"agent_id\": \"dup_one\", \"agent_id\": \"dup_two\"}"), 400, "MALFORMED_JSON");
                }),
                new Attack(30, "an agent key on operator endpoints", () -> {
                    String key = KEYS.get(VICTIM);
                    expect(client().get("/api/v1/consistency", key), 403, "FORBIDDEN");
                    expect(client().post("/api/v1/maintenance/repair", key, Map.of()), 403, "FORBIDDEN");
                    expect(client().post("/api/v1/maintenance/migrate", key, Map.of()), 403, "FORBIDDEN");
                    expect(client().get("/api/v1/maintenance/locks", key), 403, "FORBIDDEN");
                    expect(client().post("/api/v1/maintenance/locks/cleanup", key, Map.of()), 403, "FORBIDDEN");
                    expect(client().send("PUT", "/api/v1/config/thresholds", key, Map.of("risk_approve_threshold",
                            0.9), Map.of()), 403, "FORBIDDEN");
                }),
                new Attack(31, "exports: server-made names, only the agent's own data, never another's", () -> {
                    String attacker = KEYS.get(ATTACKER);
                    expect(client().post("/api/v1/agents/" + ATTACKER + "/exports", attacker,
                            Map.of("filename", "../../outside/x")), 400, "INVALID_FILENAME");
                    expect(client().post("/api/v1/agents/" + ATTACKER + "/exports", attacker,
                            Map.of("filename", "x.json")), 400, "INVALID_FILENAME");
                    expect(client().post("/api/v1/agents/" + VICTIM + "/exports", attacker, Map.of()), 401,
                            "AUTHENTICATION_FAILED");
                    Reply own = client().post("/api/v1/agents/" + ATTACKER + "/exports", attacker,
                            Map.of("complete_package", true));
                    assertThat(own.status()).as(own.raw()).isEqualTo(201);
                    String path = own.body().get("file_path").asString();
                    assertThat(path).startsWith("exports/" + ATTACKER + "_").doesNotContain("..");
                    String content = Files.readString(dataDir.resolve(path));
                    assertThat(content).doesNotContain(VICTIM);
                    expect(client().get("/api/v1/exports/package/..%2F..%2Foutside%2Fpasswd", attacker), 400, null);
                }),
                // --- resource consumption and parsing -------------------------------------------------------
                new Attack(32, "10 000 levels of nesting", () -> expect(
                        client().post("/api/v1/agents/" + VICTIM + "/updates", KEYS.get(VICTIM),
                                "[".repeat(10_000) + "]".repeat(10_000)), 400, "MALFORMED_JSON")),
                new Attack(33, "a 50 MB Content-Length is refused before the body is read", () -> {
                    Raw.Answer answer = Raw.send(port(), "POST /api/v1/agents/" + VICTIM + "/updates HTTP/1.1",
                            new String[] { "Authorization: Bearer " + KEYS.get(VICTIM),
                                    "Content-Type: application/json", "Content-Length: 52428800" },
                            "{\"complexity\":".getBytes(StandardCharsets.UTF_8));
                    expectRaw(answer, 413, "PAYLOAD_TOO_LARGE");
                }),
                new Attack(34, "a chunked body growing past the limit", () -> {
                    ByteArrayOutputStream body = new ByteArrayOutputStream();
                    String chunk = "x".repeat(64 * 1024);
                    String opening = "{\"notes\": \"xx";
                    body.writeBytes((Integer.toHexString(opening.length()) + "\r\n" + opening + "\r\n")
                            .getBytes(StandardCharsets.UTF_8));
                    for (int n = 0; n < 20; n++) {
                        body.writeBytes((Integer.toHexString(chunk.length()) + "\r\n" + chunk + "\r\n")
                                .getBytes(StandardCharsets.UTF_8));
                    }
                    body.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.UTF_8));
                    Raw.Answer answer = Raw.send(port(), "PATCH /api/v1/agents/" + VICTIM + " HTTP/1.1",
                            new String[] { "Authorization: Bearer " + KEYS.get(VICTIM),
                                    "Content-Type: application/json", "Transfer-Encoding: chunked" },
                            body.toByteArray());
                    assertThat(expectRaw(answer, 413, "PAYLOAD_TOO_LARGE").json().get("error").asString())
                            .as("the limit is named, as for a Content-Length over it").matches(".* \\d+ bytes\\.");
                }),
                new Attack(35, "a 100 000-digit number and 1e1000000", () -> {
                    expect(client().post("/api/v1/agents/" + VICTIM + "/updates", KEYS.get(VICTIM),
                            "{\"complexity\": " + "9".repeat(100_000) + "}"), 400, "MALFORMED_JSON");
                    expect(client().post("/api/v1/agents/" + VICTIM + "/updates", KEYS.get(VICTIM),
                            "{\"ethical_drift\": [1e1000000]}"), 400, "VALIDATION_FAILED");
                    expect(client().get("/api/v1/agents?size=1e1000000", KEYS.get(VICTIM)), 400, "VALIDATION_FAILED");
                }),
                new Attack(36, "a 20 MB string value and a 100 KB property name", () -> {
                    expect(client().post("/api/v1/agents/" + VICTIM + "/updates", KEYS.get(VICTIM),
                            Map.of("response_text", "y".repeat(20 * 1024 * 1024))), 413, "PAYLOAD_TOO_LARGE");
                    Reply name = client().post("/api/v1/agents/" + VICTIM + "/updates", KEYS.get(VICTIM),
                            "{\"" + "n".repeat(100 * 1024) + "\": 1}");
                    expect(name, 400, null);
                    assertThat(name.raw().length()).as("the name is not echoed").isLessThan(4096);
                }),
                new Attack(37, "hundreds of thousands of array elements under the byte limit", () -> {
                    String many = "0," .repeat(400_000) + "0";
                    expect(client().post("/api/v1/agents/" + VICTIM + "/updates", KEYS.get(VICTIM),
                            "{\"parameters\": [" + many + "]}"), 400, "VALIDATION_FAILED");
                }),
                new Attack(38, "invalid UTF-8, overlong encodings and lone surrogates", () -> {
                    for (byte[] bad : List.of(new byte[] { (byte) 0xC3, 0x28 }, new byte[] { (byte) 0xC0, (byte) 0xAF },
                            new byte[] { (byte) 0xED, (byte) 0xA0, (byte) 0x80 }, new byte[] { (byte) 0xFF })) {
                        ByteArrayOutputStream body = new ByteArrayOutputStream();
                        body.writeBytes("{\"agent_id\": \"utf_".getBytes(StandardCharsets.UTF_8));
                        body.writeBytes(bad);
                        body.writeBytes("\"}".getBytes(StandardCharsets.UTF_8));
                        Raw.Answer answer = Raw.send(port(), "POST /api/v1/agents HTTP/1.1", new String[] {
                                "Content-Type: application/json", "Content-Length: " + body.size() }, body.toByteArray());
                        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
                        recordRaw(answer);
                    }
                    // a lone surrogate written as the JSON escape \\ud800 is well-formed JSON text: it is kept, and
                    // stored escaped, so the file stays valid UTF-8 (adapted: the notes expect 400)
                    Reply lone = client().post("/api/v1/agents", null,
                            "{\"agent_id\": \"surrogate_agent\", \"notes\": \"a\\ud800b\"}");
                    expectCreated(lone);
                    if (StoreUnderTest.postgres()) {
                        return; // kept in the database as the same JSON text (PostgresStoreHttpTest)
                    }
                    byte[] metadata = Files.readAllBytes(dataDir.resolve("agent_metadata.json"));
                    StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(metadata));
                    assertThat(new String(metadata, StandardCharsets.UTF_8)).contains("a\\uD800b");
                }),
                new Attack(39, "text/plain and form bodies on JSON endpoints", () -> {
                    expect(client().send("POST", "/api/v1/agents/" + VICTIM + "/updates", KEYS.get(VICTIM), "{}",
                            Map.of("Content-Type", "text/plain")), 415, "UNSUPPORTED_MEDIA_TYPE");
                    expect(client().send("POST", "/api/v1/agents", null, "agent_id=form_agent",
                            Map.of("Content-Type", "application/x-www-form-urlencoded")), 415, "UNSUPPORTED_MEDIA_TYPE");
                }),
                new Attack(40, "a 100 KB request header", () -> {
                    Raw.Answer answer = Raw.send(port(), "GET /api/v1/agents/" + VICTIM + "/metrics HTTP/1.1",
                            new String[] { "Authorization: Bearer " + KEYS.get(VICTIM), "X-Padding: " + "p".repeat(100_000) },
                            null);
                    assertThat(answer.status()).isIn(400, 431);
                    recordRaw(answer);
                }),
                new Attack(41, "page sizes beyond the maximum", () -> {
                    expect(client().get("/api/v1/agents?size=10000000", KEYS.get(VICTIM)), 400, "VALIDATION_FAILED");
                    expect(client().get("/api/v1/agents?page=-1", KEYS.get(VICTIM)), 400, "VALIDATION_FAILED");
                    Reply discoveries = client().get("/api/v1/discoveries?limit=10000000", KEYS.get(VICTIM));
                    assertThat(discoveries.status()).as(discoveries.raw()).isIn(200, 400);
                    if (discoveries.status() == 400) {
                        recordFailure(discoveries);
                    }
                }),
                new Attack(42, "a slow body holds no lock while it is read", () -> {
                    try (Socket slow = new Socket("127.0.0.1", port())) {
                        OutputStream out = slow.getOutputStream();
                        out.write(("POST /api/v1/agents/" + VICTIM + "/updates HTTP/1.1\r\nHost: x\r\nAuthorization: "
                                + "Bearer " + KEYS.get(VICTIM) + "\r\nContent-Type: application/json\r\n"
                                + "Content-Length: 100\r\n\r\n{\"complexity\"").getBytes(StandardCharsets.UTF_8));
                        out.flush();
                        Thread.sleep(300);
                        for (int n = 0; n < 3; n++) {
                            expectOk(update(VICTIM, KEYS.get(VICTIM), Map.of()));
                        }
                    }
                }),
                // --- concurrency and storage faults ----------------------------------------------------------
                new Attack(43, "100 concurrent updates of one agent", () -> {
                    String agent = "contended_agent";
                    String key = expectCreated(register(agent)).get("api_key").asString();
                    ExecutorService pool = Executors.newFixedThreadPool(20);
                    List<Future<Reply>> replies = new ArrayList<>();
                    for (int n = 0; n < 100; n++) {
                        replies.add(pool.submit(() -> update(agent, key, Map.of())));
                    }
                    int ok = 0;
                    for (Future<Reply> future : replies) {
                        Reply reply = future.get();
                        if (reply.status() == 200) {
                            ok++;
                        } else {
                            expect(reply, 503, "LOCK_TIMEOUT");
                            assertThat(reply.headers().firstValue("Retry-After")).isPresent();
                        }
                    }
                    pool.shutdown();
                    app.flushCheckpoints();
                    assertThat(new StoreInvariants(dataDir).agents().get(agent).totalUpdates()).isEqualTo(ok);
                    assertThat(new StoreInvariants(dataDir).logOf(agent)).hasSize(ok);
                }),
                new Attack(44, "connections reset in the middle of requests", () -> {
                    byte[] request = ("POST /api/v1/agents/" + VICTIM + "/updates HTTP/1.1\r\nHost: x\r\n"
                            + "Authorization: Bearer " + KEYS.get(VICTIM) + "\r\nContent-Type: application/json\r\n"
                            + "Content-Length: 2\r\n\r\n{}").getBytes(StandardCharsets.UTF_8);
                    for (int n = 0; n < 20; n++) {
                        try (Socket socket = new Socket("127.0.0.1", port())) {
                            socket.setSoLinger(true, 0);
                            socket.getOutputStream().write(request, 0, n % 2 == 0 ? request.length : request.length - 1);
                        }
                    }
                    expectOk(update(VICTIM, KEYS.get(VICTIM), Map.of()));
                    awaitSettled(VICTIM);
                    DataDirChecks.assertNoTempFiles(dataDir);
                    new StoreInvariants(dataDir).assertHold();
                }),
                new Attack(45, "no space while writing: 507, nothing acknowledged, nothing left behind", () -> {
                    Map<String, String> before = FileTree.fingerprint(dataDir);
                    faults().arm(Fault.once(Target.FILE, 0, FaultyFsync.ENOSPC));
                    expect(register("nospace_agent"), 507, "DISK_FULL");
                    faults().disarm();
                    assertThat(FileTree.fingerprint(dataDir)).isEqualTo(before);
                    expectCreated(register("nospace_agent"));
                    // the real thing, a full tmpfs, is DiskFullTest
                }),
                new Attack(46, "the file system turns read-only: writes 503, reads 200", () -> {
                    try (TmpfsMount mount = TmpfsMount.mount(work.resolve("mnt"), "8m");
                            RunningApp small = RunningApp.start(mount.dir().resolve("data"))) {
                        String key = small.client().register("ro_case_agent");
                        mount.remount(true);
                        expect(small.client().post("/api/v1/agents/ro_case_agent/updates", key, Map.of()), 503,
                                "STORE_READ_ONLY");
                        assertThat(small.client().get("/api/v1/agents/ro_case_agent", key).status()).isEqualTo(200);
                        mount.remount(false);
                    }
                }),
                new Attack(47, "fsync fails with EIO: not acknowledged, read-only until the marker goes", () -> {
                    faults().arm(Fault.once(Target.FILE, 0, FaultyFsync.EIO));
                    expect(update(VICTIM, KEYS.get(VICTIM), Map.of()), 500, "STORAGE_ERROR");
                    faults().disarm();
                    expect(update(VICTIM, KEYS.get(VICTIM), Map.of()), 503, "STORE_READ_ONLY");
                    expect(register("after_eio_agent"), 503, "STORE_READ_ONLY");
                    assertThat(client().get("/actuator/health/readiness", null).status()).isEqualTo(503);
                    assertThat(app.bean(StoreHealth.class).readOnly()).isTrue();
                    Files.delete(dataDir.resolve(StoreHealth.MARKER));
                    app.restart();
                    assertThat(client().get("/actuator/health/readiness", null).status()).isEqualTo(200);
                    expectOk(update(VICTIM, KEYS.get(VICTIM), Map.of()));
                }),
                new Attack(48, "kill -9 during updates: every acknowledged update present after restart", () -> {
                    Path crashDir = Files.createDirectories(work.resolve("crash").resolve("data"));
                    List<Long> acked = new CopyOnWriteArrayList<>();
                    try (ChildService child = new ChildService(crashDir, work.resolve("crash").resolve("child.log"),
                            "--govflow.governance.loop-detection=false").start()) {
                        String key = child.client().register("killed_agent");
                        Thread writer = new Thread(() -> {
                            try {
                                while (true) {
                                    Reply reply = child.client().post("/api/v1/agents/killed_agent/updates", key, Map.of());
                                    acked.add(reply.body().get("metrics").get("updates").asLong());
                                }
                            } catch (RuntimeException killed) {
                                // the service died
                            }
                        });
                        writer.start();
                        Thread.sleep(700);
                        child.kill();
                        writer.join();
                    }
                    try (RunningApp restarted = RunningApp.start(crashDir)) {
                        new StoreInvariants(crashDir).assertHold();
                        assertThat(new StoreInvariants(crashDir).logOf("killed_agent").stream().map(e -> e.seq()))
                                .containsAll(acked);
                    }
                    // 50 kills with every workload: CrashRecoveryTest; lost page cache: PowerLossTest
                }),
                new Attack(49, "a state file truncated, zero-filled or with a flipped byte", () -> {
                    for (String damage : List.of("truncated", "zeros", "flipped")) {
                        String agent = "damaged_" + damage;
                        String key = expectCreated(register(agent)).get("api_key").asString();
                        expectOk(update(agent, key, Map.of()));
                        app.flushCheckpoints();
                        Path state = dataDir.resolve("agents/" + agent + "_state.json");
                        byte[] bytes = Files.readAllBytes(state);
                        switch (damage) {
                            case "truncated" -> bytes = java.util.Arrays.copyOf(bytes, bytes.length / 3);
                            case "zeros" -> bytes = new byte[bytes.length];
                            default -> bytes[0] ^= 0x40; // '{' becomes ';'
                        }
                        Files.write(state, bytes);
                    }
                    app.restart();
                    for (String damage : List.of("truncated", "zeros", "flipped")) {
                        expect(client().get("/api/v1/agents/damaged_" + damage + "/metrics", KEYS.get(VICTIM)), 503,
                                "STATE_CORRUPT");
                    }
                    expectOk(update(VICTIM, KEYS.get(VICTIM), Map.of()));
                }),
                new Attack(50, "a second lock manager in the same JVM cannot take or drop a held lock", () -> {
                    LockKey key = LockKey.agent(VICTIM);
                    try (LockHandle held = app.bean(LockManager.class).acquire(key)) {
                        LockManager stray = new LockManager(new DataDirectory(dataDir), Duration.ofMillis(300),
                                Duration.ofMillis(50));
                        Future<String> other = Executors.newSingleThreadExecutor().submit(() -> {
                            try (LockHandle taken = stray.acquire(key)) {
                                return "TAKEN";
                            } catch (io.govflow.error.GovflowException timeout) {
                                return timeout.code().name();
                            }
                        });
                        assertThat(other.get()).as("another thread through a second manager").isEqualTo("LOCK_TIMEOUT");
                        assertThat(probeFromAnotherProcess(dataDir.resolve("agents/." + VICTIM + "_state.lock")))
                                .as("the OS lock is still held").isEqualTo("BUSY");
                    }
                    expectOk(update(VICTIM, KEYS.get(VICTIM), Map.of()));
                }));
    }

    // --- helpers --------------------------------------------------------------------------------------------

    private static ApiClient client() {
        return app.client();
    }

    private static int port() {
        return app.port();
    }

    private static FaultyFsync faults() {
        return app.bean(FaultyFsync.class);
    }

    private static Reply register(String agentId) {
        return client().post("/api/v1/agents", null, Map.of("agent_id", agentId));
    }

    private static Reply update(String agent, String key, Map<String, Object> body) {
        return client().post("/api/v1/agents/" + agent + "/updates", key, body);
    }

    private static Reply withAuthorization(String header) {
        return client().send("GET", "/api/v1/agents/" + VICTIM + "/metrics", null, null,
                Map.of("Authorization", header));
    }

    private static Raw.Answer rawGet(String path) {
        return Raw.send(port(), "GET " + path + " HTTP/1.1", new String[] { "Authorization: Bearer " + KEYS.get(VICTIM) },
                null);
    }

    /**
     * Requests whose client went away may still be running: waits (at most 20 s) until the agent's log and
     * metadata agree and stop moving.
     */
    private static void awaitSettled(String agent) throws InterruptedException {
        long previous = -1;
        for (int n = 0; n < 100; n++) {
            app.flushCheckpoints();
            StoreInvariants store = new StoreInvariants(dataDir);
            long total = store.agents().get(agent).totalUpdates();
            long logged = store.logOf(agent).size();
            if (total == logged && total == previous) {
                return;
            }
            previous = total == logged ? total : -1;
            Thread.sleep(200);
        }
    }

    private static long seq(Reply reply) {
        return reply.body().get("metrics").get("updates").asLong();
    }

    private static Reply expectOk(Reply reply) {
        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        return reply;
    }

    private static JsonNode expectCreated(Reply reply) {
        assertThat(reply.status()).as(reply.raw()).isEqualTo(201);
        return reply.body();
    }

    /** The status, the envelope, the code (when given), the request id; the body is kept for the final checks. */
    private static Reply expect(Reply reply, int status, String code) {
        assertThat(reply.status()).as(reply.raw()).isEqualTo(status);
        JsonNode body = reply.body();
        assertThat(body.get("success").asBoolean()).isFalse();
        if (code != null) {
            assertThat(body.get("error_code").asString()).as(reply.raw()).isEqualTo(code);
        }
        assertThat(body.get("recovery").get("action").asString()).isNotBlank();
        String requestId = reply.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(body.get("request_id").asString()).isEqualTo(requestId);
        FAILURE_BODIES.add(reply.raw());
        return reply;
    }

    private static void recordFailure(Reply reply) {
        expect(reply, reply.status(), null);
    }

    private static Raw.Answer expectRaw(Raw.Answer answer, int status, String code) {
        assertThat(answer.status()).as(answer.head() + "\n" + answer.body()).isEqualTo(status);
        JsonNode body = answer.json();
        assertThat(body.get("success").asBoolean()).isFalse();
        if (code != null) {
            assertThat(body.get("error_code").asString()).as(answer.body()).isEqualTo(code);
        }
        recordRaw(answer);
        return answer;
    }

    /** A raw failure answer: still the envelope with a request id. */
    private static void recordRaw(Raw.Answer answer) {
        assertThat(answer.head()).containsIgnoringCase("application/problem+json");
        JsonNode body = answer.json();
        assertThat(body.get("success").asBoolean()).isFalse();
        assertThat(body.get("request_id").asString()).isEqualTo(answer.header("X-Request-Id"));
        FAILURE_BODIES.add(answer.body());
    }

    private static void assertSameAnswer(Reply one, Reply other) {
        assertThat(one.status()).isEqualTo(other.status());
        assertThat(withoutRequestId(one.body())).isEqualTo(withoutRequestId(other.body()));
    }

    private static String withoutRequestId(JsonNode body) {
        return body.toString().replaceAll("[0-9a-f]{32}", "<id>");
    }

    private static void assertSanitized(String body) {
        assertThat(body).doesNotContain(work.toString()).doesNotContain("/tmp/").doesNotContain("/etc/")
                .doesNotContain("Exception").doesNotContain("java.").doesNotContain("tools.jackson")
                .doesNotContain("\tat ").doesNotContain("io.govflow.").doesNotContain("Caused by");
        SecretLedger.assertAbsent("failure answer", body);
        assertThat(ApiClient.JSON.readTree(body).get("request_id").asString()).matches("[0-9a-f]{32}");
    }

    private static String probeFromAnotherProcess(Path lockFile) throws Exception {
        Process probe = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                LockHolderMain.class.getName(), "probe", lockFile.toString()).redirectErrorStream(true).start();
        String out = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        probe.waitFor();
        return out;
    }
}
