package io.govflow.flow.update;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.govflow.config.GovflowProperties;
import io.govflow.engine.GovernanceState;
import io.govflow.store.agent.StateFile;
import io.govflow.store.agent.StateFileRepository;
import io.govflow.store.agent.UpdateLog;
import io.govflow.store.agent.UpdateLogEntry;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Loads an agent's engine state. The update log is the truth: a cached state is used only when it is at the
 * log's last sequence, the state file only when it is not behind the log; otherwise the state is rolled
 * forward from the log's tail. Never writes.
 */
@Component
class AgentStateLoader {

    private static final int CACHE_CAPACITY = 512;

    private final StateFileRepository stateFiles;
    private final UpdateLog updateLog;
    private final int window;
    private final AgentStateCache cache = new AgentStateCache(CACHE_CAPACITY);

    AgentStateLoader(StateFileRepository stateFiles, UpdateLog updateLog, GovflowProperties properties) {
        this.stateFiles = stateFiles;
        this.updateLog = updateLog;
        this.window = properties.history().window();
    }

    LoadedAgent load(String agentId, long totalUpdatesInMetadata) {
        long logSeq = updateLog.lastSeq(agentId);
        LoadedAgent cached = cache.get(agentId, logSeq);
        if (cached != null) {
            return cached;
        }
        LoadedAgent loaded = loadFromDisk(agentId, logSeq, totalUpdatesInMetadata);
        cache.put(agentId, loaded);
        return loaded;
    }

    /** Whether the state file is behind the log (a roll-forward is due). */
    boolean stateFileBehind(String agentId) {
        long logSeq = updateLog.lastSeq(agentId);
        Optional<StateFile> file = stateFiles.read(agentId);
        return logSeq > 0 && (file.isEmpty() || file.get().updateCount() < logSeq);
    }

    /**
     * Start-up and repair: throws {@code STATE_CORRUPT} when the state file or the metadata count is ahead of a
     * non-empty log, i.e. the log lost committed lines and what follows its last good line is not a torn append.
     */
    void requireLogNotBehindCheckpoints(String agentId, long logSeq, long metadataTotalUpdates) {
        long stateSeq = stateFiles.read(agentId).map(StateFile::updateCount).orElse(0L);
        requireLogNotBehind(agentId, Math.max(stateSeq, metadataTotalUpdates), logSeq);
    }

    /**
     * The state file is written after the log line it checkpoints, so a log that ends before it has lost
     * committed lines (truncated or damaged at its end): {@code STATE_CORRUPT}, never a silent step back. A log
     * read just before a concurrent commit can look behind for a moment, so it is read again before deciding. An
     * absent or empty log (an agent from before update logs existed) is not behind.
     */
    private void requireLogNotBehind(String agentId, long checkpointSeq, long logSeq) {
        if (logSeq > 0 && checkpointSeq > logSeq && checkpointSeq > updateLog.lastSeq(agentId)) {
            throw LogBehind.corrupt(agentId, checkpointSeq, logSeq);
        }
    }

    void remember(String agentId, LoadedAgent loaded) {
        cache.put(agentId, loaded);
    }

    void forget(String agentId) {
        cache.evict(agentId);
    }

    int window() {
        return window;
    }

    private LoadedAgent loadFromDisk(String agentId, long logSeq, long totalUpdatesInMetadata) {
        Optional<StateFile> file = stateFiles.read(agentId);
        Map<String, JsonNode> unknown = file.map(StateFile::unknownFields).orElse(Map.of());
        if (file.isPresent()) {
            requireLogNotBehind(agentId, file.get().updateCount(), logSeq);
        }
        if (file.isPresent() && file.get().updateCount() >= logSeq) {
            return new LoadedAgent(StateMapping.fromStateFile(file.get(), window), logSeq, unknown);
        }
        if (logSeq > 0) {
            List<UpdateLogEntry> tail = updateLog.readTail(agentId, window);
            return new LoadedAgent(StateMapping.fromLogTail(tail, window), logSeq, unknown);
        }
        GovernanceState fresh = StateMapping.freshContinuing(totalUpdatesInMetadata, window);
        return new LoadedAgent(fresh, logSeq, unknown);
    }
}
