package io.govflow.store.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.function.Consumer;

import io.govflow.store.io.StoreJson;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.databind.ObjectWriter;

/**
 * The history document in the file format, column-major: {@code agent_id, timestamps, E_history, I_history,
 * S_history, V_history, coherence_history, attention_history, risk_history, decision_history, lambda1_history,
 * update_seq, lambda1_final, total_updates, total_time}. Each array is one sequential pass over the source, so
 * memory stays flat whatever the history's length.
 */
public final class HistoryJsonWriter {

    private final ObjectWriter fileWriter;

    public HistoryJsonWriter(StoreJson json) {
        this.fileWriter = json.mapper().writer().with(StoreJson.filePrettyPrinter());
    }

    /** A generator in the store's file format over {@code out}; closing it does not close {@code out}. */
    public JsonGenerator generator(OutputStream out) {
        return fileWriter.createGenerator(out);
    }

    /** Writes the whole document and a final newline; does not close {@code out}. */
    public HistoryStats write(HistorySource source, OutputStream out) throws IOException {
        HistoryStats stats;
        try (JsonGenerator g = generator(out)) {
            stats = writeObject(g, source);
        } catch (JacksonIOException e) {
            throw e.getCause();
        }
        out.write('\n');
        return stats;
    }

    /** Writes the document as the next value of {@code g} (top level, or inside a package's layers). */
    public HistoryStats writeObject(JsonGenerator g, HistorySource source) {
        HistoryStats stats = new HistoryStats();
        g.writeStartObject();
        g.writeStringProperty("agent_id", source.agentId());
        array(g, source, stats, "timestamps", row -> {
            g.writeString(row.ts());
            stats.row(row.seq(), row.ts());
        });
        array(g, source, stats, "E_history", row -> g.writeNumber(row.E()));
        array(g, source, stats, "I_history", row -> g.writeNumber(row.I()));
        array(g, source, stats, "S_history", row -> g.writeNumber(row.S()));
        array(g, source, stats, "V_history", row -> g.writeNumber(row.V()));
        array(g, source, stats, "coherence_history", row -> g.writeNumber(row.coherence()));
        array(g, source, stats, "attention_history", row -> g.writeNumber(row.attentionScore()));
        array(g, source, stats, "risk_history", row -> g.writeNumber(row.attentionScore()));
        array(g, source, stats, "decision_history", row -> g.writeString(row.decision()));
        g.writeArrayPropertyStart("lambda1_history");
        stats.touch("lambda1_history");
        source.forEach(row -> {
            if (row.lambda1() != null) {
                g.writeNumber(row.lambda1());
                stats.count("lambda1_history");
            }
        });
        g.writeEndArray();
        array(g, source, stats, "update_seq", row -> g.writeNumber(row.seq()));
        HistoryTotals totals = source.totals();
        g.writeNumberProperty("lambda1_final", totals.lambda1Final());
        g.writeNumberProperty("total_updates", totals.totalUpdates());
        g.writeNumberProperty("total_time", totals.totalTime());
        g.writeEndObject();
        return stats;
    }

    private static void array(JsonGenerator g, HistorySource source, HistoryStats stats, String name,
            Consumer<HistoryRow> element) {
        g.writeArrayPropertyStart(name);
        stats.touch(name);
        source.forEach(row -> {
            element.accept(row);
            stats.count(name);
        });
        g.writeEndArray();
    }
}
