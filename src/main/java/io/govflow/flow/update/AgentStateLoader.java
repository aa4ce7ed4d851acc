package io.govflow.flow.update;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.govflow.config.GovflowProperties;
import io.govflow.engine.GovernanceState;
import io.govflow.store.agent.LogEnd;
import io.govflow.store.agent.UpdateLogStore;
import io.govflow.store.agent.StateFile;
import io.govflow.store.agent.StateStore;
import io.govflow.store.agent.UpdateLogEntry;
import io.govflow.store.io.FileStamp;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Loads an agent's view (engine state and where its log ends). The update log is the truth: a view held in memory
 * is used while one stat of the log shows the same file ending at the same offset; otherwise the state file is used
 * when it is not behind the log, else the state is rolled forward from the log's tail. Never writes.
 */
@Component
class AgentStateLoader {

    private final StateStore stateFiles;
    private final UpdateLogStore updateLog;
    private final int window;
    private final AgentViews views;

    AgentStateLoader(StateStore stateFiles, UpdateLogStore updateLog, GovflowProperties properties,
            ObjectProvider<MeterRegistry> meterRegistry) {
        this.stateFiles = stateFiles;
        this.updateLog = updateLog;
        this.window = properties.history().window();
        this.views = new AgentViews(properties.store().cacheBytes().toBytes());
        MeterRegistry meters = MeterRegistries.orDetached(meterRegistry);
        Gauge.builder("govflow.store.views.bytes", views, AgentViews::bytes).baseUnit("bytes")
                .description("Estimated heap held by the per-agent views (bounded by govflow.store.cache-bytes)")
                .register(meters);
        Gauge.builder("govflow.store.views", views, AgentViews::size)
                .description("Agents whose view is held in memory").register(meters);
    }

    /**
     * The agent's view as of its log's end now. Under the agent lock it is exact; without it (reads) a concurrent
     * append may make it one update old, which the next use notices.
     */
    AgentView load(String agentId, long totalUpdatesInMetadata) {
        FileStamp log = updateLog.stamp(agentId);
        AgentView cached = views.get(agentId);
        if (cached != null && cached.matches(log)) {
            return cached;
        }
        AgentView loaded = loadFromDisk(agentId, log, totalUpdatesInMetadata);
        views.put(agentId, loaded);
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

    /** After this instance appended under the agent lock. */
    void remember(String agentId, AgentView view) {
        views.put(agentId, view);
    }

    void forget(String agentId) {
        views.evict(agentId);
    }

    int window() {
        return window;
    }

    /**
     * The stat was taken before the reads: a log that grew in between (only possible without the agent lock) leaves
     * a view whose end is unknown, read again at its next use.
     */
    private AgentView loadFromDisk(String agentId, @Nullable FileStamp log, long totalUpdatesInMetadata) {
        Object key = log == null ? null : log.fileKey();
        LogEnd logEnd = log == null ? LogEnd.NONE : updateLog.end(agentId);
        long logSeq = logEnd.lastSeq();
        Optional<StateFile> file = stateFiles.read(agentId);
        Map<String, JsonNode> unknown = file.map(StateFile::unknownFields).orElse(Map.of());
        if (file.isPresent()) {
            requireLogNotBehind(agentId, file.get().updateCount(), logSeq);
        }
        // a log that grew after the stat, or has a torn tail (cut off by the next append), is read again next time
        long end = log == null ? 0 : logEnd.tornBytes() == 0 && logEnd.goodLength() == log.size() ? log.size() : -1;
        if (file.isPresent() && file.get().updateCount() >= logSeq) {
            return new AgentView(StateMapping.fromStateFile(file.get(), window), logSeq, key, end, unknown);
        }
        if (logSeq > 0) {
            List<UpdateLogEntry> tail = updateLog.readTail(agentId, window);
            return new AgentView(StateMapping.fromLogTail(tail, window), logSeq, key, end, unknown);
        }
        GovernanceState fresh = StateMapping.freshContinuing(totalUpdatesInMetadata, window);
        return new AgentView(fresh, logSeq, key, end, unknown);
    }
}
