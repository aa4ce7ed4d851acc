package io.govflow.store.agent;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.function.UnaryOperator;

/**
 * A metadata store whose every write keeps only each agent's newest {@code maxEvents} lifecycle events (older ones
 * are counted in {@code lifecycle_events_dropped}), so that no agent can grow the shared metadata file without
 * limit by archiving and resuming itself. Reads are passed through.
 */
public final class BoundedLifecycleMetadata implements MetadataStore {

    private final MetadataStore store;
    private final int maxEvents;

    public BoundedLifecycleMetadata(MetadataStore store, int maxEvents) {
        if (maxEvents < 1) {
            throw new IllegalArgumentException("maxEvents must be at least 1");
        }
        this.store = store;
        this.maxEvents = maxEvents;
    }

    @Override
    public SortedMap<String, AgentRecord> readAll() {
        return store.readAll();
    }

    @Override
    public SortedMap<String, MetadataFile.DamagedRecord> damaged() {
        return store.damaged();
    }

    @Override
    public Optional<AgentRecord> find(String agentId) {
        return store.find(agentId);
    }

    @Override
    public AgentRecord update(String agentId, UnaryOperator<AgentRecord> change) {
        return store.update(agentId, bounded(change));
    }

    @Override
    public List<String> updateAll(UnaryOperator<AgentRecord> change) {
        return store.updateAll(bounded(change));
    }

    @Override
    public Map<String, AgentRecord> updateEach(Map<String, UnaryOperator<AgentRecord>> changes) {
        Map<String, UnaryOperator<AgentRecord>> bounded = new LinkedHashMap<>();
        changes.forEach((agentId, change) -> bounded.put(agentId, bounded(change)));
        return store.updateEach(bounded);
    }

    @Override
    public void create(AgentRecord record) {
        store.create(record.withNewestLifecycleEvents(maxEvents));
    }

    @Override
    public boolean remove(String agentId) {
        return store.remove(agentId);
    }

    private UnaryOperator<AgentRecord> bounded(UnaryOperator<AgentRecord> change) {
        return record -> {
            AgentRecord changed = change.apply(record);
            // an unchanged record stays the same instance, so stores can still tell that nothing changed
            return changed == record ? record : changed.withNewestLifecycleEvents(maxEvents);
        };
    }
}
