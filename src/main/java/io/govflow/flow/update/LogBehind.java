package io.govflow.flow.update;

import java.util.Map;

import io.govflow.error.ErrorCode;
import io.govflow.error.GovflowException;
import io.govflow.store.io.LogText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** An update log that ends before its checkpoints (state file, metadata) has lost committed lines. */
final class LogBehind {

    private static final Logger LOG = LoggerFactory.getLogger(LogBehind.class);

    private LogBehind() {
    }

    static GovflowException corrupt(String agentId, long checkpointSeq, long logSeq) {
        LOG.error("Update log of agent {} ends at seq {} but its checkpoint is at {}: lines were lost",
                LogText.safe(agentId), logSeq, checkpointSeq);
        return GovflowException.withDetails(ErrorCode.STATE_CORRUPT, Map.of("agent_id", agentId, "file", "update_log"));
    }
}
