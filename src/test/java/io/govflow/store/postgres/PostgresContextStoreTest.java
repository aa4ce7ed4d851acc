package io.govflow.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.govflow.error.ErrorCode;
import io.govflow.error.GovflowException;
import io.govflow.store.context.CanonicalJson;
import io.govflow.store.context.ContextEnvelope;
import io.govflow.store.context.ContextEnvelopeCodec;
import io.govflow.store.context.ContextManifest;
import io.govflow.store.context.ContextStore;
import io.govflow.store.context.ManifestEntry;
import io.govflow.store.io.StoreJson;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Context documents and manifests on a real PostgreSQL: exact bytes, the manifest and its rebuild, one transaction
 * per change, the tenant's row shared by replicas (two pools), damage confined to its row, purge.
 */
class PostgresContextStoreTest {

    private static final String TS = "2026-01-05T10:00:00.000000";
    private static MigratedDatabase database;
    private static ContextStore store;

    private final StoreJson json = new StoreJson();
    private final ContextEnvelopeCodec codec = new ContextEnvelopeCodec(json);

    @BeforeAll
    static void migrate() {
        database = MigratedDatabase.create("context_store");
        store = database.contextStore();
    }

    @AfterAll
    static void close() {
        if (database != null) {
            database.close();
        }
    }

    /** The flow's commit of one document: previous copy, document, manifest entry, in one change. */
    private static void commit(ContextStore on, ContextEnvelope envelope, byte[] content) {
        on.change(envelope.u(), tenant -> {
            tenant.readDocument(envelope.t()).ifPresent(current -> tenant.writePrevious(envelope.t(), current));
            tenant.writeDocument(envelope.t(), content);
            tenant.writeManifest(tenant.manifest().with(envelope.t(), ManifestEntry.of(envelope), TS));
            return null;
        });
    }

    private void commit(ContextEnvelope envelope) {
        commit(store, envelope, codec.encode(envelope));
    }

    private ContextEnvelope envelope(String agent, String type, ObjectNode d) {
        ObjectNode m = json.object().put("db", 1).put("sb", 2).put("h", new CanonicalJson(json).hash(d));
        m.putArray("q").add("hint");
        ObjectNode dc = json.object();
        dc.putArray("related_documents").addObject().put("t", "other.doc").put("reason", "companion");
        return new ContextEnvelope("1.1", type, agent, TS, "writer", dc, d, json.object(), m);
    }

    @Test
    void documentsKeepTheirExactBytesAndEveryFieldTheStoreDoesNotKnow() {
        // number literals that jsonb would rewrite, a NUL that jsonb refuses, and fields no reader knows
        String d = "{\"big\":1.0E20,\"negative_zero\":-0.0,\"nul\":\"a\\u0000b\",\"z\":1,\"a\":{\"y\":[1,2.5]}}";
        String hash = new CanonicalJson(json).hash(json.parse(d.getBytes(StandardCharsets.UTF_8)));
        String text = "{\"v\":\"1.1\",\"t\":\"notes.raw\",\"u\":\"agent_bytes\",\"ts\":\"" + TS + "\",\"src\":\"w\","
                + "\"x_unknown_top\":{\"k\":[true,null]},\"d\":" + d + ",\"s\":{},\"m\":{\"h\":\"" + hash
                + "\",\"x_unknown_meta\":7}}";
        byte[] first = text.getBytes(StandardCharsets.UTF_8);
        ContextEnvelope decoded = codec.decode(first).envelope();
        assertThat(decoded).isNotNull();
        commit(store, decoded, first);
        byte[] second = codec.encode(envelope("agent_bytes", "notes.raw", json.object().put("n", 2)));
        commit(store, decoded, second);

        assertThat(store.readPrevious("agent_bytes", "notes.raw")).hasValue(first);
        assertThat(store.readDocument("agent_bytes", "notes.raw")).hasValue(second);
        byte[] read = store.readPrevious("agent_bytes", "notes.raw").orElseThrow();
        JsonNode tree = json.parse(read);
        assertThat(tree).isEqualTo(json.parse(first));
        assertThat(tree.get("x_unknown_top").get("k").get(1).isNull()).isTrue();
        assertThat(new CanonicalJson(json).hash(tree.get("d"))).isEqualTo(hash);
    }

    @Test
    void theManifestListsTheDocumentsAndReadsLikeTheFileStores() {
        ContextEnvelope one = envelope("agent_list", "b.doc", json.object().put("x", 1));
        ContextEnvelope two = envelope("agent_list", "a.doc", json.object().put("y", "é"));
        commit(one);
        commit(two);

        ContextManifest manifest = store.manifest("agent_list");
        assertThat(manifest.agentId()).isEqualTo("agent_list");
        assertThat(manifest.updatedAt()).isEqualTo(TS);
        assertThat(manifest.documents()).containsOnlyKeys("a.doc", "b.doc");
        assertThat(manifest.documents().get("b.doc")).isEqualTo(ManifestEntry.of(one));
        assertThat(manifest.documents().get("a.doc").related())
                .containsExactly(new ManifestEntry.Related("other.doc", "companion"));
        assertThat(store.storedTypes("agent_list")).containsExactly("a.doc", "b.doc");
        assertThat(store.readDocument("agent_unknown", "a.doc")).isEmpty();
        assertThat(store.manifest("agent_unknown").documents()).isEmpty();
        assertThat(store.storedTypes("agent_unknown")).isEmpty();
    }

    @Test
    void aDamagedRowAffectsOnlyItself() throws SQLException {
        commit(envelope("agent_damage", "good.doc", json.object().put("x", 1)));
        commit(envelope("agent_damage", "bad.doc", json.object().put("x", 2)));
        commit(envelope("agent_intact", "bad.doc", json.object().put("x", 3)));
        byte[] intact = store.readDocument("agent_intact", "bad.doc").orElseThrow();
        byte[] good = store.readDocument("agent_damage", "good.doc").orElseThrow();
        try (Connection owner = database.ownerConnection()) {
            execute(owner, "UPDATE context_document SET content = convert_to('{\"v\": \"1.1\", \"t\"', 'UTF8') "
                    + "WHERE agent_id = 'agent_damage' AND context_type = 'bad.doc'");
            execute(owner, "UPDATE context_manifest SET manifest = '{\"v\": ' WHERE agent_id = 'agent_damage'");
        }

        assertThat(store.readDocument("agent_damage", "good.doc")).hasValue(good);
        assertThat(codec.decode(store.readDocument("agent_damage", "bad.doc").orElseThrow()).defect())
                .isEqualTo(ContextEnvelopeCodec.Defect.NOT_JSON_OBJECT);
        assertThat(store.storedTypes("agent_damage")).containsExactly("bad.doc", "good.doc");
        ContextManifest rebuilt = store.manifest("agent_damage");
        assertThat(rebuilt.updatedAt()).isEmpty();
        assertThat(rebuilt.documents()).containsOnlyKeys("good.doc");
        assertThat(store.readDocument("agent_intact", "bad.doc")).hasValue(intact);
        assertThat(store.manifest("agent_intact").documents()).containsOnlyKeys("bad.doc");

        // the next change stores the rebuilt manifest again
        commit(envelope("agent_damage", "bad.doc", json.object().put("x", 4)));
        assertThat(store.manifest("agent_damage").documents()).containsOnlyKeys("bad.doc", "good.doc");
        assertThat(store.manifest("agent_damage").updatedAt()).isEqualTo(TS);
    }

    @Test
    void aManifestNamingAnotherTenantIsRebuilt() throws SQLException {
        commit(envelope("agent_mine", "a.doc", json.object().put("x", 1)));
        commit(envelope("agent_theirs", "b.doc", json.object().put("x", 1)));
        try (Connection owner = database.ownerConnection()) {
            execute(owner, "UPDATE context_manifest SET manifest = (SELECT manifest FROM context_manifest "
                    + "WHERE agent_id = 'agent_theirs') WHERE agent_id = 'agent_mine'");
        }
        assertThat(store.manifest("agent_mine").documents()).containsOnlyKeys("a.doc");
    }

    @Test
    void aChangeThatFailsLeavesNothingBehind() throws SQLException {
        ContextEnvelope envelope = envelope("agent_rollback", "a.doc", json.object().put("x", 1));
        assertThatThrownBy(() -> store.change("agent_rollback", tenant -> {
            tenant.writeDocument("a.doc", codec.encode(envelope));
            tenant.writeManifest(tenant.manifest().with("a.doc", ManifestEntry.of(envelope), TS));
            throw new IllegalStateException("fails after writing");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(store.readDocument("agent_rollback", "a.doc")).isEmpty();
        assertThat(store.manifest("agent_rollback").documents()).isEmpty();
        assertThat(rows("context_document", "agent_rollback") + rows("context_manifest", "agent_rollback"))
                .isZero();
    }

    @Test
    void writersOnTwoReplicasLoseNoDocumentAndNoManifestEntry() throws Exception {
        List<ContextStore> replicas = List.of(database.contextStore(), database.contextStore());
        int writers = 6;
        int rounds = 8;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                ContextStore replica = replicas.get(w % 2);
                String type = "writer.w" + w;
                done.add(pool.submit(() -> {
                    for (int round = 0; round < rounds; round++) {
                        commit(replica, envelope("agent_race", type, json.object().put("round", round)),
                                codec.encode(envelope("agent_race", type, json.object().put("round", round))));
                        incrementCounter(replica);
                    }
                    return null;
                }));
            }
            for (Future<?> writer : done) {
                writer.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }

        ContextManifest manifest = store.manifest("agent_race");
        assertThat(manifest.documents()).hasSize(writers + 1);
        for (int w = 0; w < writers; w++) {
            JsonNode last = json.parse(store.readDocument("agent_race", "writer.w" + w).orElseThrow());
            assertThat(last.get("d").get("round").asInt()).isEqualTo(rounds - 1);
            assertThat(json.parse(store.readPrevious("agent_race", "writer.w" + w).orElseThrow())
                    .get("d").get("round").asInt()).isEqualTo(rounds - 2);
        }
        JsonNode counter = json.parse(store.readDocument("agent_race", "shared.counter").orElseThrow());
        assertThat(counter.get("d").get("n").asInt()).isEqualTo(writers * rounds);
    }

    /** A read-modify-write of one shared document: any lost update shows in its count. */
    private void incrementCounter(ContextStore replica) {
        replica.change("agent_race", tenant -> {
            int n = tenant.readDocument("shared.counter").map(bytes -> json.parse(bytes).get("d").get("n").asInt())
                    .orElse(0);
            ContextEnvelope next = envelope("agent_race", "shared.counter", json.object().put("n", n + 1));
            tenant.writeDocument("shared.counter", codec.encode(next));
            tenant.writeManifest(tenant.manifest().with("shared.counter", ManifestEntry.of(next), TS));
            return null;
        });
    }

    @Test
    void aTenantHeldByAnotherReplicaAnswersLockTimeoutAndOtherTenantsGoOn() throws Exception {
        ContextStore patient = new PostgresContextStore(database.replica(Duration.ofMillis(200)), json);
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService holder = Executors.newSingleThreadExecutor();
        try {
            Future<?> held = holder.submit(() -> store.change("agent_busy", tenant -> {
                tenant.writeDocument("a.doc", codec.encode(envelope("agent_busy", "a.doc", json.object())));
                holding.countDown();
                await(release);
                return null;
            }));
            assertThat(holding.await(1, TimeUnit.MINUTES)).isTrue();

            assertThatThrownBy(() -> patient.change("agent_busy", tenant -> tenant.readDocument("a.doc")))
                    .isInstanceOf(GovflowException.class)
                    .extracting(e -> ((GovflowException) e).code()).isEqualTo(ErrorCode.LOCK_TIMEOUT);
            commit(patient, envelope("agent_free", "a.doc", json.object()),
                    codec.encode(envelope("agent_free", "a.doc", json.object())));
            assertThat(patient.readDocument("agent_busy", "a.doc")).isEmpty(); // not committed yet

            release.countDown();
            held.get(1, TimeUnit.MINUTES);
            assertThat(patient.readDocument("agent_busy", "a.doc")).isPresent();
        } finally {
            release.countDown();
            holder.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void purgeRemovesEveryRowOfTheTenantAndNothingElse() throws SQLException {
        commit(envelope("agent_purged", "a.doc", json.object().put("x", 1)));
        commit(envelope("agent_purged", "a.doc", json.object().put("x", 2)));
        commit(envelope("agent_kept", "a.doc", json.object().put("x", 1)));

        assertThat(store.deleteAll("agent_purged")).isEqualTo(3); // document, previous copy, manifest
        assertThat(store.readDocument("agent_purged", "a.doc")).isEmpty();
        assertThat(store.readPrevious("agent_purged", "a.doc")).isEmpty();
        assertThat(store.manifest("agent_purged").documents()).isEmpty();
        assertThat(rows("context_document", "agent_purged") + rows("context_manifest", "agent_purged")).isZero();
        assertThat(store.deleteAll("agent_purged")).isZero();
        assertThat(rows("context_manifest", "agent_purged")).isZero();
        assertThat(store.manifest("agent_kept").documents()).containsOnlyKeys("a.doc");
        assertThat(rows("context_document", "agent_kept")).isEqualTo(1);
    }

    @Test
    void typesAndIdsOutsideTheAllowListAreRefusedBeforeAnyRowIsWritten() throws SQLException {
        for (String type : List.of("../x", "a/b", "X", "x.prev", "_manifest", "")) {
            assertThatThrownBy(() -> store.change("agent_names", tenant -> {
                tenant.writeDocument(type, new byte[] {'{', '}'});
                return null;
            })).as(type).isInstanceOf(GovflowException.class)
                    .extracting(e -> ((GovflowException) e).code()).isEqualTo(ErrorCode.INVALID_CONTEXT_TYPE);
            assertThatThrownBy(() -> store.readDocument("agent_names", type)).isInstanceOf(GovflowException.class);
        }
        assertThatThrownBy(() -> store.readDocument("../agent", "p.q")).isInstanceOf(GovflowException.class)
                .extracting(e -> ((GovflowException) e).code()).isEqualTo(ErrorCode.INVALID_AGENT_ID);
        assertThatThrownBy(() -> store.change("../agent", tenant -> null)).isInstanceOf(GovflowException.class)
                .extracting(e -> ((GovflowException) e).code()).isEqualTo(ErrorCode.INVALID_AGENT_ID);
        assertThat(rows("context_document", "agent_names") + rows("context_manifest", "agent_names")
                + rows("context_manifest", "../agent")).isZero();
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (var statement = connection.createStatement()) {
            assertThat(statement.executeUpdate(sql)).isPositive();
        }
    }

    private static int rows(String table, String agentId) throws SQLException {
        try (Connection owner = database.ownerConnection();
                PreparedStatement query = owner.prepareStatement(
                        "SELECT count(*) FROM " + table + " WHERE agent_id = ?")) {
            query.setString(1, agentId);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        }
    }
}
