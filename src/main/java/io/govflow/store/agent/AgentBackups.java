package io.govflow.store.agent;

import java.nio.file.Files;
import java.nio.file.Path;

import io.govflow.store.io.AtomicJsonWriter;
import io.govflow.store.io.DataDirectory;
import io.govflow.store.io.StoreJson;

import tools.jackson.databind.node.ObjectNode;

/**
 * Delete backups {@code backups/{agent_id}_backup_{yyyyMMdd_HHmmss}.json} = {@code {agent_id, metadata,
 * backed_up_at}}, the reference's backup shape without the key: the record is written without {@code api_key}.
 * A name already taken gets {@code _2}, {@code _3}, … Call under the agent's lock.
 */
public final class AgentBackups {

    private final DataDirectory dataDirectory;
    private final AtomicJsonWriter writer;
    private final MetadataCodec codec;
    private final StoreJson json;

    public AgentBackups(DataDirectory dataDirectory, AtomicJsonWriter writer, MetadataCodec codec, StoreJson json) {
        this.dataDirectory = dataDirectory;
        this.writer = writer;
        this.codec = codec;
        this.json = json;
    }

    /**
     * @param fileStamp UTC {@code yyyyMMdd_HHmmss}
     * @return the backup's path relative to the data directory
     */
    public String write(AgentRecord record, String backedUpAt, String fileStamp) {
        ObjectNode metadata = codec.toObject(record);
        metadata.remove("api_key");
        ObjectNode document = json.object();
        document.put("agent_id", record.agentId());
        document.set("metadata", metadata);
        document.put("backed_up_at", backedUpAt);
        Path target = freeName(record.agentId() + "_backup_" + fileStamp);
        writer.writeJson(target, document);
        return "backups/" + target.getFileName();
    }

    private Path freeName(String stem) {
        Path dir = dataDirectory.backupsDir();
        Path candidate = dir.resolve(stem + ".json");
        for (int n = 2; Files.exists(candidate); n++) {
            candidate = dir.resolve(stem + "_" + n + ".json");
        }
        return candidate;
    }
}
