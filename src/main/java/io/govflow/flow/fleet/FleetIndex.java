package io.govflow.flow.fleet;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import io.govflow.config.GovflowProperties;
import io.govflow.error.GovflowException;
import io.govflow.flow.update.CommitObserver;
import io.govflow.flow.update.RecordedTimes;
import io.govflow.store.agent.MetadataStore;
import io.govflow.store.agent.UpdateLogEntry;
import io.govflow.store.agent.UpdateLogStore;
import io.govflow.store.io.FileStamp;

/**
 * Every agent's latest update and recent window ({@link AgentSeries}), and the fleet's updates per minute over the
 * last hour, in memory. Built on first use from each log's last {@code govflow.fleet.window} lines (the logs read in
 * parallel; the first call waits for it); kept current by every update this instance commits; and, once a call
 * finds the last refresh older than {@code govflow.fleet.refresh-interval}, a background refresh stats each
 * registered agent's log and reads again only the tail of a log that changed (another instance on the same data
 * directory wrote it) — calls never wait for a refresh and answer from what the index holds meanwhile. A purge
 * drops the agent; a log that was replaced (a purged id registered afresh, a restored file) is read anew.
 *
 * <p>Updates per minute count the lines this index took in: the ones this instance committed and the ones read
 * from tails. A log that grew by more than a window between two refreshes contributes only its last window.
 */
@Component
public class FleetIndex implements CommitObserver, DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(FleetIndex.class);

    private final ConcurrentHashMap<String, AgentSeries> series = new ConcurrentHashMap<>();
    private final MinuteBuckets minutes = new MinuteBuckets();
    private final UpdateLogStore updateLog;
    private final MetadataStore metadata;
    private final RecordedTimes times;
    private final Clock clock;
    private final long refreshNanos;
    private final int window;
    private final Object building = new Object();
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private final ExecutorService refresher = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "fleet-index-refresh");
        thread.setDaemon(true);
        return thread;
    });
    private volatile long lastRefresh;
    private volatile boolean built;

    FleetIndex(UpdateLogStore updateLog, MetadataStore metadata, RecordedTimes times, Clock clock,
            GovflowProperties properties) {
        this.updateLog = updateLog;
        this.metadata = metadata;
        this.times = times;
        this.clock = clock;
        this.refreshNanos = properties.fleet().refreshInterval().toNanos();
        this.window = properties.fleet().window();
    }

    @Override
    public void committed(String agentId, UpdateLogEntry entry, long logEnd, @Nullable Object logKey) {
        if (!built) {
            // the build reads this line from the log, or the first refresh after it does
            return;
        }
        AgentSeries agent = series.computeIfAbsent(agentId, id -> new AgentSeries(window));
        take(agent, entry);
        agent.readUpTo(logEnd, logKey);
    }

    @Override
    public void forgotten(String agentId) {
        series.remove(agentId);
    }

    /** The window kept per agent. */
    int window() {
        return window;
    }

    /** Every agent's series: built on the first call; a refresh that is due is started in the background. */
    Map<String, AgentSeries> current() {
        if (!built) {
            build();
        } else if (System.nanoTime() - lastRefresh >= refreshNanos && refreshing.compareAndSet(false, true)) {
            refresher.execute(this::refreshInBackground);
        }
        return series;
    }

    /** The updates of the last hour, by minute, oldest first. */
    List<MinuteCount> lastHour() {
        return minutes.lastHour(clock.instant());
    }

    @Override
    public void destroy() {
        refresher.shutdownNow();
    }

    private void build() {
        synchronized (building) {
            if (!built) {
                metadata.readAll().keySet().parallelStream().forEach(this::refreshQuietly);
                lastRefresh = System.nanoTime();
                built = true;
            }
        }
    }

    private void refreshInBackground() {
        try {
            Set<String> registered = metadata.readAll().keySet();
            series.keySet().retainAll(registered);
            registered.forEach(this::refreshQuietly);
        } catch (RuntimeException e) {
            // the metadata file cannot be read now; the next due call tries again
            LOG.debug("fleet index: refresh skipped ({})", e.getClass().getSimpleName());
        } finally {
            lastRefresh = System.nanoTime();
            refreshing.set(false);
        }
    }

    private void refreshQuietly(String agentId) {
        try {
            refresh(agentId);
        } catch (GovflowException e) {
            // a log that cannot be read keeps what was known of it; the consistency report names it
            LOG.debug("fleet index: log of one agent not readable ({})", e.code());
        }
    }

    private void refresh(String agentId) {
        FileStamp stamp = updateLog.stamp(agentId);
        AgentSeries known = series.get(agentId);
        if (stamp == null) {
            if (known == null || known.seq() > 0) {
                series.put(agentId, new AgentSeries(window));
            }
            return;
        }
        if (known != null && known.upToDate(stamp.size(), stamp.fileKey())) {
            return;
        }
        List<UpdateLogEntry> tail = updateLog.readTail(agentId, window);
        AgentSeries agent = known;
        if (agent == null || !continues(agent, stamp, tail)) {
            agent = new AgentSeries(window);
            series.put(agentId, agent);
        }
        for (UpdateLogEntry entry : tail) {
            take(agent, entry);
        }
        long last = tail.isEmpty() ? 0 : tail.get(tail.size() - 1).seq();
        if (agent.seq() == last) {
            agent.readUpTo(stamp.size(), stamp.fileKey());
        }
    }

    /**
     * Whether the tail continues what the series holds: the same log (a replaced one has another identity) and no
     * gap. A tail that ends before the series does is a commit of this instance that raced the read.
     */
    private static boolean continues(AgentSeries agent, FileStamp stamp, List<UpdateLogEntry> tail) {
        Object key = agent.logKey();
        if (key != null && !Objects.equals(key, stamp.fileKey())) {
            return false;
        }
        return tail.isEmpty() ? agent.seq() == 0 : tail.get(0).seq() <= agent.seq() + 1;
    }

    private void take(AgentSeries agent, UpdateLogEntry entry) {
        Instant at = times.parse(entry.ts()).orElse(null);
        if (agent.add(entry, at) && at != null) {
            minutes.record(at, clock.instant());
        }
    }
}
