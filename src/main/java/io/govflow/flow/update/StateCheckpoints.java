package io.govflow.flow.update;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import io.govflow.config.GovflowProperties;
import io.govflow.error.ErrorCode;
import io.govflow.error.GovflowException;
import io.govflow.store.agent.StateStore;
import io.govflow.store.io.LockHandle;
import io.govflow.store.io.LockKey;
import io.govflow.store.io.LockManager;
import io.govflow.store.io.LogText;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * State files as bounded-lag checkpoints of the update logs (§5.4): an agent's state file is rewritten, under its
 * agent lock and from its view validated against the log, once it is {@code state-checkpoint-lines} lines or
 * {@code state-checkpoint-interval} behind, oldest first, within {@code checkpoint-writes-per-second}.
 */
@Component
public class StateCheckpoints {

    private static final Logger LOG = LoggerFactory.getLogger(StateCheckpoints.class);

    /** An agent whose state file is behind: since when, by how many lines, up to which seq. */
    private record Behind(long sinceNanos, long lines, long lastSeq) {
    }

    private final ConcurrentHashMap<String, Behind> behind = new ConcurrentHashMap<>();
    private final LockManager locks;
    private final AgentStateLoader loader;
    private final StateStore stateFiles;
    private final long linesBound;
    private final long intervalNanos;
    private final Counter failures;

    StateCheckpoints(LockManager locks, AgentStateLoader loader, StateStore stateFiles,
            GovflowProperties properties,
            ObjectProvider<MeterRegistry> meterRegistry) {
        MeterRegistry meters = MeterRegistries.orDetached(meterRegistry);
        this.locks = locks;
        this.loader = loader;
        this.stateFiles = stateFiles;
        this.linesBound = Math.max(1, properties.store().stateCheckpointLines());
        this.intervalNanos = properties.store().stateCheckpointInterval().toNanos();
        this.failures = Counter.builder("govflow.checkpoint.failures").tag("file", "state")
                .description("State-file checkpoints that failed (retried by the checkpointer)").register(meters);
        Gauge.builder("govflow.checkpoint.pending", behind, Map::size).tag("file", "state")
                .description("Agents whose state file is behind their update log").register(meters);
    }

    /** A line this instance committed, under the agent's lock. */
    void committed(String agentId, long seq) {
        long now = System.nanoTime();
        behind.merge(agentId, new Behind(now, 1, seq),
                (held, fresh) -> new Behind(held.sinceNanos(), held.lines() + 1, Math.max(held.lastSeq(), seq)));
    }

    /** A purged agent has no state file to bring up to date. */
    void forget(String agentId) {
        behind.remove(agentId);
    }

    /** When the oldest state file still behind fell behind ({@link System#nanoTime()}), or null when none is. */
    @Nullable Long oldestNanos() {
        return Oldest.of(behind.values(), Behind::sinceNanos);
    }

    /** Writes at most {@code budget} of the checkpoints that are due, oldest first; returns how many it wrote. */
    int writeDue(int budget) {
        long now = System.nanoTime();
        List<Map.Entry<String, Behind>> due = new ArrayList<>();
        behind.forEach((id, agent) -> {
            if (agent.lines() >= linesBound || now - agent.sinceNanos() >= intervalNanos) {
                due.add(Map.entry(id, agent));
            }
        });
        due.sort(Comparator.comparingLong(entry -> entry.getValue().sinceNanos() - now));
        int written = 0;
        for (Map.Entry<String, Behind> entry : due.subList(0, Math.min(budget, due.size()))) {
            if (write(entry.getKey())) {
                written++;
            }
        }
        return written;
    }

    /** Writes every checkpoint that is behind (graceful shutdown); returns whether all of them were written. */
    public boolean writeAll() {
        boolean all = true;
        for (String agentId : List.copyOf(behind.keySet())) {
            all &= write(agentId);
        }
        return all;
    }

    private boolean write(String agentId) {
        try (LockHandle ignored = locks.acquire(LockKey.agent(agentId))) {
            AgentView view = loader.load(agentId, 0);
            if (view.seq() > 0) {
                stateFiles.write(agentId, StateMapping.toStateFile(view.state(), view.unknownStateFields()));
            }
            // under the agent lock nothing commits meanwhile: the file is now at the log's end
            behind.remove(agentId);
            return true;
        } catch (GovflowException e) {
            if (e.code() == ErrorCode.STATE_CORRUPT) {
                // the agent answers STATE_CORRUPT until repair rebuilds it; retrying cannot help meanwhile
                behind.remove(agentId);
                return false;
            }
            failures.increment();
            LOG.warn("state checkpoint of agent {} deferred ({})", LogText.safe(agentId), e.code());
            return false;
        }
    }
}
