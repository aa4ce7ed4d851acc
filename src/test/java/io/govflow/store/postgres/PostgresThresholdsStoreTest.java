package io.govflow.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.govflow.error.ErrorCode;
import io.govflow.error.GovflowException;
import io.govflow.store.io.StoreJson;
import io.govflow.store.thresholds.ThresholdsFile;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.IntNode;
import tools.jackson.databind.node.StringNode;

/** The decision thresholds on a real PostgreSQL: one row shared by replicas, changes serialized, damage kept. */
class PostgresThresholdsStoreTest {

    private final StoreJson json = new StoreJson();
    private MigratedDatabase db;

    @BeforeEach
    void setUp() {
        db = MigratedDatabase.create("thresholds");
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private PostgresThresholdsStore store() {
        return new PostgresThresholdsStore(db.replica(), json);
    }

    @Test
    void noneUntilSetThenEveryReplicaReadsThemWithTheirUnknownFields() {
        PostgresThresholdsStore a = store();
        PostgresThresholdsStore b = store();
        assertThat(a.read()).isEmpty();

        ThresholdsFile set = new ThresholdsFile(0.3, 0.6, 0.4, 0.15, "2025-12-01T00:00:00.000000",
                Map.of("x_note", StringNode.valueOf("set by ops")));
        assertThat(a.update(current -> Optional.of(set))).isEqualTo(set);
        assertThat(b.read()).contains(set);

        ThresholdsFile next = new ThresholdsFile(0.2, 0.5, 0.4, 0.15, "2025-12-02T00:00:00.000000",
                set.unknownFields());
        b.update(current -> Optional.of(next));
        assertThat(a.read()).contains(next);
    }

    @Test
    void twoReplicasChangingTheThresholdsAtOnceLoseNoChangeTheFirstWriteIncluded() throws Exception {
        List<PostgresThresholdsStore> replicas = List.of(store(), store());
        int threads = 4;
        int changesPerThread = 10;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                PostgresThresholdsStore replica = replicas.get(t % 2);
                done.add(pool.submit(() -> {
                    for (int i = 0; i < changesPerThread; i++) {
                        replica.update(PostgresThresholdsStoreTest::counted);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(store().read().orElseThrow().unknownFields().get("changes").asInt())
                .isEqualTo(threads * changesPerThread);
    }

    @Test
    void aDamagedRowIsStorageErrorUntilReplacedAndIsKeptInQuarantine() throws Exception {
        db.asOwner("INSERT INTO decision_thresholds (document) VALUES ('{\"risk_approve_threshold\": \"high\"}')");
        PostgresThresholdsStore store = store();
        assertThatThrownBy(store::read).isInstanceOfSatisfying(GovflowException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.STORAGE_ERROR));

        List<Optional<ThresholdsFile>> seen = new ArrayList<>();
        store.update(current -> {
            seen.add(current);
            return Optional.of(new ThresholdsFile(0.3, 0.6, 0.4, 0.15, null, Map.of()));
        });
        assertThat(seen).containsExactly(Optional.empty());
        assertThat(store.read().orElseThrow().riskApprove()).isEqualTo(0.3);
        String quarantined = db.replica().read(jdbc -> jdbc.queryForObject(
                "SELECT document::text FROM decision_thresholds_quarantine", String.class));
        assertThat(quarantined).contains("\"high\"");
    }

    @Test
    void aRefusedChangeWritesNothing() {
        PostgresThresholdsStore store = store();
        assertThatThrownBy(() -> store.update(current -> {
            throw GovflowException.withDetails(ErrorCode.VALIDATION_FAILED, Map.of());
        })).isInstanceOf(GovflowException.class);
        assertThat(store.read()).isEmpty();
    }

    private static Optional<ThresholdsFile> counted(Optional<ThresholdsFile> current) {
        Map<String, JsonNode> unknown = new HashMap<>(current.map(ThresholdsFile::unknownFields).orElse(Map.of()));
        JsonNode count = unknown.get("changes");
        unknown.put("changes", IntNode.valueOf(count == null ? 1 : count.asInt() + 1));
        return Optional.of(new ThresholdsFile(0.3, 0.6, 0.4, 0.15, null, unknown));
    }
}
