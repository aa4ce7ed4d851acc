package io.govflow.flow.agent;

import java.util.List;

/**
 * A purge: what was removed for good ({@code record}, {@code state_file}, {@code update_log},
 * {@code context_documents}; files already gone are not listed) and the backup written first (relative to the
 * data directory).
 */
public record Purge(String agentId, List<String> removed, String backupFile) {

    public Purge {
        removed = List.copyOf(removed);
    }
}
