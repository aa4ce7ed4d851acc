package io.govflow.flow.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import io.govflow.error.ErrorCode;
import io.govflow.error.GovflowException;
import io.govflow.store.io.StoreJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The byte budget of d: deterministic trimming, m.trim, and refusal of what trimming cannot fit, at the pipeline level with a fixed clock. */
class BudgetTest {

    static final long BUDGET = 256 * 1024;
    static final Clock FIXED = Clock.fixed(Instant.parse("2026-01-05T10:00:00.123456Z"), ZoneOffset.UTC);
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** About 2 MB: a long array of records, a long string, a nested long array. */
    static ObjectNode twoMegabytes() {
        ObjectNode d = NODES.objectNode();
        d.put("title", "crawl of example.org");
        ArrayNode items = d.putArray("items");
        for (int i = 0; i < 4000; i++) {
            items.addObject().put("n", i).put("text", ("item " + i + " ").repeat(40));
        }
        d.put("blob", "0123456789".repeat(60_000));
        ArrayNode logs = d.putObject("nested").putArray("logs");
        for (int i = 0; i < 1500; i++) {
            logs.add("log line " + i + " ".repeat(100));
        }
        return d;
    }

    @Test
    void twoMegabyteDocumentIsTrimmedToTheSameBytesEveryTime(@TempDir Path one, @TempDir Path two) {
        ObjectNode d = twoMegabytes();
        assertThat(new StoreJson().toCompactBytes(d).length).isGreaterThan(2_000_000);
        Pipeline first = new Pipeline(one, FIXED, BUDGET, "budget_agent");
        Pipeline second = new Pipeline(two, FIXED, BUDGET, "budget_agent");
        PutCommand command = new PutCommand("crawler", d, null, null, null, null);

        first.writes.put("budget_agent", "site.crawl", command);
        byte[] firstBytes = first.repository.readDocument("budget_agent", "site.crawl").orElseThrow();
        second.writes.put("budget_agent", "site.crawl", command);
        byte[] secondBytes = second.repository.readDocument("budget_agent", "site.crawl").orElseThrow();
        first.writes.put("budget_agent", "site.crawl", command);
        byte[] againBytes = first.repository.readDocument("budget_agent", "site.crawl").orElseThrow();

        assertThat(secondBytes).isEqualTo(firstBytes);
        assertThat(againBytes).isEqualTo(firstBytes);
        assertThat(first.repository.readPrevious("budget_agent", "site.crawl")).hasValue(firstBytes);

        JsonNode m = new StoreJson().parse(firstBytes).get("m");
        assertThat(m.get("over").asBoolean()).isFalse();
        assertThat(m.get("db").asLong()).isLessThanOrEqualTo(BUDGET);
        JsonNode trim = m.get("trim");
        assertThat(trim).hasSize(2);
        assertThat(trim.get(0).get("step").asString()).isEqualTo("cut_arrays");
        assertThat(trim.get(0).get("limit").asInt()).isEqualTo(20);
        assertThat(trim.get(0).get("paths").toString()).isEqualTo("[\"/items\",\"/nested/logs\"]");
        assertThat(trim.get(1).get("step").asString()).isEqualTo("cut_strings");
        assertThat(trim.get(1).get("paths").toString()).isEqualTo("[\"/blob\"]");
        JsonNode stored = new StoreJson().parse(firstBytes).get("d");
        assertThat(stored.get("items")).hasSize(20);
        assertThat(stored.get("blob").asString()).hasSize(500);
        assertThat(stored.get("nested").get("logs")).hasSize(20);
    }

    @Test
    void aDocumentTrimmingCannotFitIsRefused(@TempDir Path dir) {
        Pipeline pipeline = new Pipeline(dir, FIXED, 4096, "over_agent");
        ObjectNode fits = NODES.objectNode();
        fits.put("note", "x".repeat(3000));
        fits.putObject("table").putArray("rows").add(1).add(2);
        pipeline.writes.put("over_agent", "small.doc", new PutCommand("w", fits, null, null, null, null));
        JsonNode small = meta(pipeline, "over_agent", "small.doc");
        assertThat(small.get("trim")).isEmpty();
        assertThat(small.get("over").asBoolean()).isFalse();

        ObjectNode subtree = NODES.objectNode();
        subtree.put("head", "h");
        ObjectNode big = subtree.putObject("big");
        for (int i = 0; i < 400; i++) {
            big.put("k" + i, i);
        }
        pipeline.writes.put("over_agent", "subtree.doc", new PutCommand("w", subtree, null, null, null, null));
        JsonNode omitted = meta(pipeline, "over_agent", "subtree.doc");
        assertThat(omitted.get("over").asBoolean()).isFalse();
        assertThat(omitted.get("trim").get(0).get("step").asString()).isEqualTo("omit_subtrees");
        JsonNode storedSubtree = new StoreJson().parse(
                pipeline.repository.readDocument("over_agent", "subtree.doc").orElseThrow()).get("d");
        assertThat(storedSubtree.at("/big/_omitted/bytes").asLong()).isGreaterThan(4096);

        ObjectNode flat = NODES.objectNode();
        flat.put("essay", "y".repeat(2000));
        for (int i = 0; i < 400; i++) {
            flat.put(String.format("key_%04d", i), "value");
        }
        // still over the budget after every trimming step: refused, nothing stored
        assertThatThrownBy(() -> pipeline.writes.put("over_agent", "flat.doc",
                new PutCommand("w", flat, null, null, null, null)))
                .isInstanceOfSatisfying(GovflowException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED));
        assertThat(pipeline.repository.readDocument("over_agent", "flat.doc")).isEmpty();
    }

    private static JsonNode meta(Pipeline pipeline, String agent, String type) {
        return new StoreJson().parse(pipeline.repository.readDocument(agent, type).orElseThrow()).get("m");
    }
}
