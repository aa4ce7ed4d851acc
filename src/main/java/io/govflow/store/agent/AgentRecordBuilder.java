package io.govflow.store.agent;

import java.util.List;
import java.util.Map;

import io.govflow.store.io.LaxFields;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;

/** Mutable copy of an {@link AgentRecord}, behind its {@code with…} methods. */
final class AgentRecordBuilder {

    private final String agentId;
    private StoredStatus status;
    private @Nullable Long statusSeq;
    private final String createdAt;
    private String lastUpdate;
    private final String version;
    private long totalUpdates;
    private List<String> tags;
    private String notes;
    private List<LifecycleEvent> lifecycleEvents;
    private @Nullable String pausedAt;
    private @Nullable String archivedAt;
    private final @Nullable String parentAgentId;
    private final @Nullable String spawnReason;
    private @Nullable String apiKey;
    private List<String> recentUpdateTimestamps;
    private List<String> recentDecisions;
    private @Nullable String loopDetectedAt;
    private @Nullable String loopCooldownUntil;
    private @Nullable String lastResponseAt;
    private boolean responseCompleted;
    private Map<String, JsonNode> unknownFields;
    private final LaxFields laxFields;

    AgentRecordBuilder(AgentRecord r) {
        agentId = r.agentId();
        status = r.status();
        statusSeq = r.statusSeq();
        createdAt = r.createdAt();
        lastUpdate = r.lastUpdate();
        version = r.version();
        totalUpdates = r.totalUpdates();
        tags = r.tags();
        notes = r.notes();
        lifecycleEvents = r.lifecycleEvents();
        pausedAt = r.pausedAt();
        archivedAt = r.archivedAt();
        parentAgentId = r.parentAgentId();
        spawnReason = r.spawnReason();
        apiKey = r.apiKey();
        recentUpdateTimestamps = r.recentUpdateTimestamps();
        recentDecisions = r.recentDecisions();
        loopDetectedAt = r.loopDetectedAt();
        loopCooldownUntil = r.loopCooldownUntil();
        lastResponseAt = r.lastResponseAt();
        responseCompleted = r.responseCompleted();
        unknownFields = r.unknownFields();
        laxFields = r.laxFields();
    }

    AgentRecordBuilder status(StoredStatus value) {
        status = value;
        return this;
    }

    AgentRecordBuilder statusSeq(@Nullable Long value) {
        statusSeq = value;
        return this;
    }

    AgentRecordBuilder lastUpdate(String value) {
        lastUpdate = value;
        return this;
    }

    AgentRecordBuilder totalUpdates(long value) {
        totalUpdates = value;
        return this;
    }

    AgentRecordBuilder tags(List<String> value) {
        tags = value;
        return this;
    }

    AgentRecordBuilder notes(String value) {
        notes = value;
        return this;
    }

    AgentRecordBuilder lifecycleEvents(List<LifecycleEvent> value) {
        lifecycleEvents = value;
        return this;
    }

    AgentRecordBuilder pausedAt(@Nullable String value) {
        pausedAt = value;
        return this;
    }

    AgentRecordBuilder archivedAt(@Nullable String value) {
        archivedAt = value;
        return this;
    }

    AgentRecordBuilder apiKey(@Nullable String value) {
        apiKey = value;
        return this;
    }

    AgentRecordBuilder recentUpdateTimestamps(List<String> value) {
        recentUpdateTimestamps = value;
        return this;
    }

    AgentRecordBuilder recentDecisions(List<String> value) {
        recentDecisions = value;
        return this;
    }

    AgentRecordBuilder loopDetectedAt(@Nullable String value) {
        loopDetectedAt = value;
        return this;
    }

    AgentRecordBuilder loopCooldownUntil(@Nullable String value) {
        loopCooldownUntil = value;
        return this;
    }

    AgentRecordBuilder lastResponseAt(@Nullable String value) {
        lastResponseAt = value;
        return this;
    }

    AgentRecordBuilder unknownFields(Map<String, JsonNode> value) {
        unknownFields = value;
        return this;
    }

    AgentRecordBuilder responseCompleted(boolean value) {
        responseCompleted = value;
        return this;
    }

    AgentRecord build() {
        return new AgentRecord(agentId, status, statusSeq, createdAt, lastUpdate, version, totalUpdates, tags, notes,
                lifecycleEvents, pausedAt, archivedAt, parentAgentId, spawnReason, apiKey, recentUpdateTimestamps,
                recentDecisions, loopDetectedAt, loopCooldownUntil, lastResponseAt, responseCompleted,
                unknownFields, laxFields);
    }
}
