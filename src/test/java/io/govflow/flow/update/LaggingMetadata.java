package io.govflow.flow.update;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import io.govflow.store.io.StoreJson;
import tools.jackson.databind.JsonNode;

/** What the lagging-metadata tests read and send: a record as the metadata file holds it, strict thresholds. */
final class LaggingMetadata {

    private LaggingMetadata() {
    }

    static Path metadataFile(Path dataDir) {
        return dataDir.resolve("agent_metadata.json");
    }

    static JsonNode metadataRecord(Path dataDir, String agentId) throws Exception {
        return new StoreJson().parseObject(Files.readAllBytes(metadataFile(dataDir))).get(agentId);
    }

    /** Thresholds under which an ordinary update is a {@code pause}. */
    static Map<String, Object> strictThresholds() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("risk_approve_threshold", 0.005);
        body.put("risk_revise_threshold", 0.01);
        body.put("coherence_critical_threshold", 0.40);
        body.put("void_threshold_initial", 0.15);
        return body;
    }
}
