package io.govflow.store.memory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

import io.govflow.error.ErrorCode;
import io.govflow.error.GovflowException;
import io.govflow.store.agent.AgentRecord;
import io.govflow.store.agent.MetadataFile;
import io.govflow.store.agent.MetadataStore;
import io.govflow.store.io.SafeIds;

/**
 * Metadata records in memory: readers get an immutable snapshot, a change replaces it (one change at a time, as the
 * metadata lock orders them in the file store). Nothing is durable.
 */
public final class MemoryMetadataStore implements MetadataStore {

    private volatile SortedMap<String, AgentRecord> records = Collections.emptySortedMap();

    @Override
    public SortedMap<String, MetadataFile.DamagedRecord> damaged() {
        return Collections.emptySortedMap();
    }

    @Override
    public SortedMap<String, AgentRecord> readAll() {
        return records;
    }

    @Override
    public Optional<AgentRecord> find(String agentId) {
        return Optional.ofNullable(records.get(agentId));
    }

    @Override
    public synchronized AgentRecord update(String agentId, UnaryOperator<AgentRecord> change) {
        AgentRecord existing = records.get(agentId);
        if (existing == null) {
            throw GovflowException.withDetails(ErrorCode.AGENT_NOT_FOUND, Map.of("agent_id", agentId), agentId);
        }
        AgentRecord changed = checked(agentId, change.apply(existing));
        replace(Map.of(agentId, changed));
        return changed;
    }

    @Override
    public synchronized List<String> updateAll(UnaryOperator<AgentRecord> change) {
        TreeMap<String, AgentRecord> next = new TreeMap<>(records);
        List<String> changed = new ArrayList<>();
        for (Map.Entry<String, AgentRecord> entry : next.entrySet()) {
            AgentRecord after = checked(entry.getKey(), change.apply(entry.getValue()));
            if (!after.equals(entry.getValue())) {
                entry.setValue(after);
                changed.add(entry.getKey());
            }
        }
        records = Collections.unmodifiableSortedMap(next);
        return List.copyOf(changed);
    }

    @Override
    public synchronized Map<String, AgentRecord> updateEach(Map<String, UnaryOperator<AgentRecord>> changes) {
        Map<String, AgentRecord> after = new TreeMap<>();
        changes.forEach((id, change) -> {
            AgentRecord existing = records.get(id);
            if (existing != null) {
                after.put(id, checked(id, change.apply(existing)));
            }
        });
        replace(after);
        return after;
    }

    @Override
    public synchronized void create(AgentRecord record) {
        String agentId = SafeIds.agentId(record.agentId());
        if (records.containsKey(agentId)) {
            throw GovflowException.withDetails(ErrorCode.AGENT_EXISTS, Map.of("agent_id", agentId), agentId);
        }
        replace(Map.of(agentId, record));
    }

    @Override
    public synchronized boolean remove(String agentId) {
        if (!records.containsKey(agentId)) {
            return false;
        }
        TreeMap<String, AgentRecord> next = new TreeMap<>(records);
        next.remove(agentId);
        records = Collections.unmodifiableSortedMap(next);
        return true;
    }

    private void replace(Map<String, AgentRecord> changed) {
        TreeMap<String, AgentRecord> next = new TreeMap<>(records);
        next.putAll(changed);
        records = Collections.unmodifiableSortedMap(next);
    }

    private static AgentRecord checked(String agentId, AgentRecord changed) {
        Objects.requireNonNull(changed, "change returned null");
        if (!changed.agentId().equals(agentId)) {
            throw new IllegalArgumentException("a metadata change must not alter the agent id");
        }
        return changed;
    }
}
