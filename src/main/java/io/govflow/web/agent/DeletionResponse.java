package io.govflow.web.agent;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.govflow.flow.agent.Deletion;

/** A soft delete: the agent as it is now and the backup written first (relative to the data directory). */
@JsonPropertyOrder({ "success", "agent_id", "status", "backup_file", "agent" })
public record DeletionResponse(boolean success, String agentId, String status, String backupFile, AgentView agent) {

    static DeletionResponse of(Deletion deletion) {
        return new DeletionResponse(true, deletion.record().agentId(), deletion.record().status().word(),
                deletion.backupFile(), AgentView.of(deletion.record()));
    }
}
