package io.govflow.store.agent;

import java.nio.file.Path;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.govflow.error.ErrorCode;
import io.govflow.error.GovflowException;
import io.govflow.store.io.LogText;

/** The corruption errors of agent files: the reason goes to the log, the client gets the code and safe ids. */
public final class AgentFileErrors {

    private static final Logger LOG = LoggerFactory.getLogger(AgentFileErrors.class);

    private AgentFileErrors() {
    }

    static GovflowException stateCorrupt(String agentId, String file, Path path, Exception reason) {
        LOG.error("Damaged {} of agent {} at {}: {}", file, LogText.safe(agentId), LogText.safe(path),
                LogText.safe(reason));
        return new GovflowException(ErrorCode.STATE_CORRUPT, Map.of("agent_id", agentId, "file", file), null,
                reason);
    }

    /** A damaged row of the database store: the same answer as a damaged file, naming the agent and the store. */
    public static GovflowException rowCorrupt(String agentId, String store, Exception reason) {
        LOG.error("Damaged {} row of agent {}: {}", store, LogText.safe(agentId), LogText.safe(reason));
        return new GovflowException(ErrorCode.STATE_CORRUPT, Map.of("agent_id", agentId, "file", store), null,
                reason);
    }

    public static GovflowException recordCorrupt(String agentId, String problem) {
        LOG.error("Damaged metadata record of agent {}: {}", LogText.safe(agentId), LogText.safe(problem));
        return GovflowException.withDetails(ErrorCode.METADATA_CORRUPT,
                Map.of("file", "agent_metadata", "agent_id", agentId), agentId);
    }

    static GovflowException metadataCorrupt(Path path, Exception reason) {
        LOG.error("Damaged agent metadata file {}: {}", LogText.safe(path), LogText.safe(reason));
        return new GovflowException(ErrorCode.METADATA_CORRUPT, Map.of("file", "agent_metadata"), null, reason);
    }
}
