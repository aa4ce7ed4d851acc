package io.govflow.flow.context;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.govflow.store.context.ContextStore;
import io.govflow.store.io.StoreJson;
import io.govflow.store.postgres.MigratedDatabase;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The write pipeline on the file store and on PostgreSQL with the same clock: the same bytes, so the same
 * {@code m.h}, previous copies and manifests, whichever store (or replica) wrote them.
 */
class ContextStoreParityTest {

    private static final Clock FIXED = Clock.fixed(Instant.parse("2026-01-05T10:00:00.123456Z"), ZoneOffset.UTC);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String AGENT = "parity_agent";

    private MigratedDatabase database;

    @AfterEach
    void close() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void bothStoresKeepTheSameBytesHashesAndManifests(@TempDir Path fileDir, @TempDir Path pgDir) {
        database = MigratedDatabase.create("context_parity");
        Pipeline files = new Pipeline(fileDir, FIXED, BudgetTest.BUDGET, AGENT);
        Pipeline postgres = new Pipeline(pgDir, FIXED, BudgetTest.BUDGET, ignored -> database.contextStore(), AGENT);

        for (Pipeline pipeline : List.of(files, postgres)) {
            pipeline.writes.put(AGENT, "notes.plan", new PutCommand("planner", data(1), null, List.of("plan"), 60L,
                    null));
            pipeline.writes.put(AGENT, "notes.plan", new PutCommand("planner", data(2), null, null, null, null));
            pipeline.writes.put(AGENT, "notes.gone", new PutCommand("planner", data(3), null, null, null, null));
            pipeline.writes.delete(AGENT, "notes.gone");
        }

        ContextStore file = files.repository;
        ContextStore pg = postgres.repository;
        byte[] current = file.readDocument(AGENT, "notes.plan").orElseThrow();
        assertThat(pg.readDocument(AGENT, "notes.plan")).hasValue(current);
        assertThat(pg.readPrevious(AGENT, "notes.plan")).hasValue(file.readPrevious(AGENT, "notes.plan")
                .orElseThrow());
        assertThat(pg.readDocument(AGENT, "notes.gone")).isEmpty();
        assertThat(pg.manifest(AGENT)).isEqualTo(file.manifest(AGENT));
        assertThat(pg.storedTypes(AGENT)).isEqualTo(file.storedTypes(AGENT)).containsExactly("notes.plan");

        DocumentCheck.Checked checked = postgres.check.check(pg.readDocument(AGENT, "notes.plan"), AGENT,
                "notes.plan");
        assertThat(checked.valid()).isTrue();
        assertThat(checked.computedHash()).isEqualTo(new StoreJson().parse(current).get("m").get("h").asString());
    }

    private static ObjectNode data(int version) {
        ObjectNode d = NODES.objectNode().put("version", version).put("title", "plan " + version)
                .put("ratio", 1.0e20 * version);
        d.putArray("steps").add("draft").add("review");
        return d;
    }
}
