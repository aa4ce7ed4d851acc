package io.govflow.web.agent;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.govflow.flow.agent.Purge;
import io.swagger.v3.oas.annotations.media.Schema;

/** A purge: what was removed for good, the backup written first, and what the purge keeps on purpose. */
@JsonPropertyOrder({ "success", "agent_id", "removed", "backup_file", "kept" })
public record PurgeResponse(boolean success, String agentId,
        @Schema(description = "record, state_file, update_log, context_documents: those that were still there")
        List<String> removed,
        @Schema(description = "The record's backup (without the key hash), relative to the data directory")
        String backupFile,
        @Schema(description = "What a purge never removes: shared history and audit evidence")
        List<String> kept) {

    static final List<String> KEPT = List.of("exports", "dialectic_sessions", "discoveries", "backups");

    static PurgeResponse of(Purge purge) {
        return new PurgeResponse(true, purge.agentId(), purge.removed(), purge.backupFile(), KEPT);
    }
}
