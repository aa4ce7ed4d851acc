package io.govflow.flow.agent;

import io.govflow.store.agent.AgentRecord;

/** A soft delete: the record after it, and the backup written before it (relative to the data directory). */
public record Deletion(AgentRecord record, String backupFile) {
}
