package io.govflow.store.agent;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

import tools.jackson.databind.JsonNode;

/**
 * What {@code agent_metadata.json} holds: the records that could be read, and those that could not (each kept as
 * stored, so a rewrite for another agent never loses it).
 */
public record MetadataFile(SortedMap<String, AgentRecord> records, SortedMap<String, DamagedRecord> damaged) {

    public static final MetadataFile EMPTY = new MetadataFile(new TreeMap<>(), new TreeMap<>());

    /** One record that cannot be read: its value as stored and what is wrong with it (for logs and reports). */
    public record DamagedRecord(String agentId, JsonNode stored, String problem) {
    }

    public MetadataFile {
        records = Collections.unmodifiableSortedMap(new TreeMap<>(records));
        damaged = Collections.unmodifiableSortedMap(new TreeMap<>(damaged));
    }

    /** The same damaged records beside other readable ones. */
    public MetadataFile withRecords(SortedMap<String, AgentRecord> next) {
        return new MetadataFile(next, damaged);
    }
}
