package io.govflow.store.agent;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * The agents' state checkpoints (engine state and its history windows), each a checkpoint of the agent's update
 * log. Implemented by the file store ({@link StateFileRepository}) and by the in-memory store of benchmarks and
 * tests.
 */
public interface StateStore {

    Optional<StateFile> read(String agentId);

    /** The checkpoint's {@code update_count} without reading its histories; empty when unknown. */
    OptionalLong peekUpdateCount(String agentId);

    /** A checkpoint in the reference server's old place, not migrated yet. */
    Optional<StateFile> readLegacy(String agentId);

    void write(String agentId, StateFile state);

    /** Moves a legacy checkpoint into place; false when there was none to move. */
    boolean migrateLegacy(String agentId);

    /** Deletes the agent's state files (current and legacy place) durably; false when there were none. */
    boolean delete(String agentId);
}
