package io.govflow.store.agent;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.function.UnaryOperator;

/**
 * Every agent's metadata record (the seed's {@code agent_metadata.json}), shared by every instance. Changes apply to
 * the records as stored at that moment, one agent's change never replacing another's. Implemented by the file
 * store ({@link MetadataRepository}) and by the in-memory store of benchmarks and tests.
 */
public interface MetadataStore {

    /** Every record, sorted by agent id (unmodifiable). */
    SortedMap<String, AgentRecord> readAll();

    /** The records that cannot be read, by agent id (each makes only its agent unavailable). */
    SortedMap<String, MetadataFile.DamagedRecord> damaged();

    /** The record; an absent one is looked up again as stored now before the answer is given. */
    Optional<AgentRecord> find(String agentId);

    /** Applies {@code change} to the agent's record; {@code AGENT_NOT_FOUND} without one. */
    AgentRecord update(String agentId, UnaryOperator<AgentRecord> change);

    /** Applies {@code change} to every record at once; returns the ids of the changed ones. */
    List<String> updateAll(UnaryOperator<AgentRecord> change);

    /** Applies each change to its agent's record at once (absent ones are skipped); returns the records after. */
    Map<String, AgentRecord> updateEach(Map<String, UnaryOperator<AgentRecord>> changes);

    /** Adds a new agent's record; {@code AGENT_EXISTS} if one is there. */
    void create(AgentRecord record);

    /**
     * Removes the agent's record for good (admin purge); false when there was none. Later group commits skip the
     * id ({@link #updateEach}), so no cached change can bring the record back.
     */
    boolean remove(String agentId);
}
