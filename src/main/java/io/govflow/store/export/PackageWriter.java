package io.govflow.store.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.govflow.store.agent.AgentRecord;
import io.govflow.store.agent.MetadataCodec;
import io.govflow.store.io.StoreJson;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.databind.node.ObjectNode;

/**
 * The complete package: {@code agent_id, exported_at, export_type, layers{metadata, history}, validation}. The
 * metadata layer is the agent's record without its key hash; the history is streamed from the source; the
 * validation block is computed while the history is written, so it describes exactly what the file holds.
 */
public final class PackageWriter {

    public static final String EXPORT_TYPE = "complete_package";

    private final HistoryJsonWriter history;
    private final MetadataCodec metadataCodec;
    private final StoreJson json;

    public PackageWriter(HistoryJsonWriter history, MetadataCodec metadataCodec, StoreJson json) {
        this.history = history;
        this.metadataCodec = metadataCodec;
        this.json = json;
    }

    /** Writes the package and a final newline; does not close {@code out}. */
    public PackageValidation write(@Nullable AgentRecord record, HistorySource source, String exportedAt,
            OutputStream out) throws IOException {
        PackageValidation validation;
        try (JsonGenerator g = history.generator(out)) {
            g.writeStartObject();
            g.writeStringProperty("agent_id", source.agentId());
            g.writeStringProperty("exported_at", exportedAt);
            g.writeStringProperty("export_type", EXPORT_TYPE);
            g.writeObjectPropertyStart("layers");
            g.writeName("metadata");
            g.writeTree(metadataLayer(record));
            g.writeName("history");
            HistoryStats stats = history.writeObject(g, source);
            g.writeEndObject();
            validation = PackageValidation.of(record, stats, source.totals(), exportedAt);
            g.writeName("validation");
            g.writeTree(validation.toObject(json.object()));
            g.writeEndObject();
        } catch (JacksonIOException e) {
            throw Objects.requireNonNull(e.getCause());
        }
        out.write('\n');
        return validation;
    }

    private ObjectNode metadataLayer(@Nullable AgentRecord record) {
        if (record == null) {
            return json.object();
        }
        ObjectNode metadata = metadataCodec.toObject(record);
        metadata.remove("api_key");
        return metadata;
    }
}
