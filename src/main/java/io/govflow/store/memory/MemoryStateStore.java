package io.govflow.store.memory;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

import io.govflow.store.agent.StateFile;
import io.govflow.store.agent.StateStore;

/** State checkpoints in memory. Nothing is durable; there is no legacy place to migrate from. */
public final class MemoryStateStore implements StateStore {

    private final ConcurrentHashMap<String, StateFile> states = new ConcurrentHashMap<>();

    @Override
    public Optional<StateFile> read(String agentId) {
        return Optional.ofNullable(states.get(agentId));
    }

    @Override
    public OptionalLong peekUpdateCount(String agentId) {
        StateFile state = states.get(agentId);
        return state == null ? OptionalLong.empty() : OptionalLong.of(state.updateCount());
    }

    @Override
    public Optional<StateFile> readLegacy(String agentId) {
        return Optional.empty();
    }

    @Override
    public void write(String agentId, StateFile state) {
        states.put(agentId, state);
    }

    @Override
    public boolean migrateLegacy(String agentId) {
        return false;
    }

    @Override
    public boolean delete(String agentId) {
        return states.remove(agentId) != null;
    }
}
