package io.govflow.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.govflow.error.ErrorCode;
import io.govflow.error.GovflowException;
import io.govflow.store.dialectic.DialecticSession;
import io.govflow.store.dialectic.SessionCodec;
import io.govflow.store.dialectic.SessionStore;
import io.govflow.store.io.StoreJson;
import io.govflow.support.TestFiles;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Dialectic sessions on a real PostgreSQL: the reference's sessions round-trip, damage stays with its row. */
class PostgresSessionStoreTest {

    private final StoreJson json = new StoreJson();
    private final SessionCodec codec = new SessionCodec(json);
    private MigratedDatabase db;

    @TempDir
    Path temp;

    @BeforeEach
    void setUp() {
        db = MigratedDatabase.create("sessions");
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private PostgresSessionStore store() {
        return new PostgresSessionStore(db.replica(), codec, json);
    }

    /** Every session of the reference data directory, as its file holds it. */
    private List<ObjectNode> referenceSessions() throws Exception {
        Path data = TestFiles.copyFixture("reference-data", temp);
        try (Stream<Path> files = Files.list(data.resolve("dialectic_sessions"))) {
            List<ObjectNode> sessions = new ArrayList<>();
            for (Path file : files.sorted().toList()) {
                sessions.add(json.parseObject(Files.readAllBytes(file)));
            }
            return sessions;
        }
    }

    @Test
    void everyReferenceSessionRoundTripsJsonEqualWithItsUnknownFieldsThroughAnotherReplica() throws Exception {
        List<ObjectNode> originals = referenceSessions();
        PostgresSessionStore writer = store();
        for (ObjectNode original : originals) {
            assertThat(writer.createIfAbsent(codec.parse(json.toCompactBytes(original)))).isTrue();
        }

        PostgresSessionStore reader = store();
        assertThat(reader.list()).hasSize(originals.size());
        for (ObjectNode original : originals) {
            String id = original.get("session_id").asString();
            ObjectNode served = codec.toObject(reader.find(id).orElseThrow());
            // JSON-equal to what the file store writes (member order aside: jsonb keeps its own order) ...
            assertThat((Object) served).as(id).isEqualTo(codec.toObject(codec.parse(json.toCompactBytes(original))));
            // ... which serves every member of the original file
            for (Map.Entry<String, JsonNode> field : original.properties()) {
                assertThat((Object) served.get(field.getKey())).as(id + " " + field.getKey())
                        .isEqualTo(field.getValue());
            }
            assertThat(reader.exists(id)).isTrue();
        }
        assertThat(originals).anySatisfy(o -> assertThat(o.has("_original_resolution")).isTrue());
    }

    @Test
    void createIfAbsentKeepsTheFirstAndWriteReplaces() throws Exception {
        ObjectNode original = referenceSessions().get(0);
        DialecticSession session = codec.parse(json.toCompactBytes(original));
        PostgresSessionStore store = store();

        assertThat(store.createIfAbsent(session)).isTrue();
        assertThat(store.createIfAbsent(session.withPhase(DialecticSession.FAILED))).isFalse();
        assertThat(store.find(session.sessionId()).orElseThrow().phase()).isEqualTo(session.phase());

        store.write(session.withPhase(DialecticSession.FAILED));
        assertThat(store().find(session.sessionId()).orElseThrow().phase()).isEqualTo(DialecticSession.FAILED);
        assertThat(store.find("0000000000000000")).isEmpty();
        assertThat(store.exists("0000000000000000")).isFalse();
    }

    @Test
    void aDamagedRowIsStateCorruptByIdLeftOutOfListingsAndReportedByTheScanAlone() throws Exception {
        PostgresSessionStore store = store();
        List<ObjectNode> originals = referenceSessions();
        originals.forEach(o -> store.write(codec.parse(json.toCompactBytes(o))));
        db.asOwner("INSERT INTO dialectic_session (session_id, paused_agent_id, reviewer_agent_id, document) "
                + "VALUES ('0123456789abcdef', 'a', 'b', '{\"session_id\": \"0123456789abcdef\", \"phase\": 3}')");

        assertThatThrownBy(() -> store.find("0123456789abcdef")).isInstanceOfSatisfying(GovflowException.class,
                e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.STATE_CORRUPT);
                    assertThat(e.details()).isEqualTo(Map.of("file", "dialectic_session",
                            "session_id", "0123456789abcdef"));
                });
        assertThat(store.list()).hasSize(originals.size());
        assertThat(store.all()).hasSize(originals.size());
        List<SessionStore.ScannedSession> scanned = store.scan();
        assertThat(scanned).hasSize(originals.size() + 1);
        assertThat(scanned).filteredOn(SessionStore.ScannedSession::damaged)
                .extracting(SessionStore.ScannedSession::fileName).containsExactly("0123456789abcdef.json");
        assertThat(scanned).extracting(SessionStore.ScannedSession::fileName).isSorted();
    }

    @Test
    void twoReplicasCreatingSessionsAtOnceLoseNone() throws Exception {
        DialecticSession template = codec.parse(json.toCompactBytes(referenceSessions().get(0)));
        List<PostgresSessionStore> replicas = List.of(store(), store());
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> created = new ArrayList<>();
            for (int i = 0; i < 80; i++) {
                PostgresSessionStore replica = replicas.get(i % 2);
                DialecticSession session = withId(template, "%016x".formatted(i / 2));
                created.add(threads.submit(() -> replica.createIfAbsent(session)));
            }
            int won = 0;
            for (Future<Boolean> f : created) {
                won += f.get() ? 1 : 0;
            }
            assertThat(won).isEqualTo(40);
        } finally {
            threads.shutdownNow();
        }
        assertThat(store().list()).hasSize(40);
    }

    private DialecticSession withId(DialecticSession s, String id) {
        ObjectNode o = codec.toObject(s);
        o.put("session_id", id);
        return codec.parse(json.toCompactBytes(o));
    }
}
