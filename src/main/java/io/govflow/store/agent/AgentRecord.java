package io.govflow.store.agent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.govflow.store.io.JsonFields;
import io.govflow.store.io.LaxFields;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * One agent's value in {@code agent_metadata.json}. Components follow the file's field order ({@code agent_id,
 * status, status_seq, created_at, last_update, version, total_updates, tags, notes, lifecycle_events, paused_at, archived_at,
 * parent_agent_id, spawn_reason, api_key, recent_update_timestamps, recent_decisions, loop_detected_at,
 * loop_cooldown_until, last_response_at, response_completed}), then unknown fields in their original order.
 *
 * @param status a known {@link AgentStatus}, or a legacy word kept as the file holds it
 * @param statusSeq the update log's last seq when an operator last set {@code status} (null: never recorded, and
 *                  absent from the file); a later log line's {@code agent_status} overrides it
 * @param apiKey {@code sha256:<hex>} once migrated; the reference stored the key itself (null when the file holds
 *               something that is not a string: the agent cannot authenticate until its key is rotated)
 * @param laxFields fields the file holds with another type than the documented one, written back as stored
 *                  while Govflow leaves them as read
 */
public record AgentRecord(
        String agentId,
        StoredStatus status,
        @Nullable Long statusSeq,
        String createdAt,
        String lastUpdate,
        String version,
        long totalUpdates,
        List<String> tags,
        String notes,
        List<LifecycleEvent> lifecycleEvents,
        @Nullable String pausedAt,
        @Nullable String archivedAt,
        @Nullable String parentAgentId,
        @Nullable String spawnReason,
        @Nullable String apiKey,
        List<String> recentUpdateTimestamps,
        List<String> recentDecisions,
        @Nullable String loopDetectedAt,
        @Nullable String loopCooldownUntil,
        @Nullable String lastResponseAt,
        boolean responseCompleted,
        Map<String, JsonNode> unknownFields,
        LaxFields laxFields) {

    public static final String DEFAULT_VERSION = "v1.0";
    public static final String EVENTS_DROPPED = "lifecycle_events_dropped";

    public AgentRecord {
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(lastUpdate, "lastUpdate");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(notes, "notes");
        tags = List.copyOf(tags);
        lifecycleEvents = List.copyOf(lifecycleEvents);
        recentUpdateTimestamps = List.copyOf(recentUpdateTimestamps);
        recentDecisions = List.copyOf(recentDecisions);
        unknownFields = JsonFields.copyOf(unknownFields);
        Objects.requireNonNull(laxFields, "laxFields");
    }

    /** A record read with every field of its documented type. */
    public AgentRecord(String agentId, StoredStatus status, @Nullable Long statusSeq, String createdAt,
            String lastUpdate, String version, long totalUpdates, List<String> tags, String notes,
            List<LifecycleEvent> lifecycleEvents, @Nullable String pausedAt, @Nullable String archivedAt,
            @Nullable String parentAgentId, @Nullable String spawnReason, @Nullable String apiKey,
            List<String> recentUpdateTimestamps, List<String> recentDecisions, @Nullable String loopDetectedAt,
            @Nullable String loopCooldownUntil, @Nullable String lastResponseAt, boolean responseCompleted,
            Map<String, JsonNode> unknownFields) {
        this(agentId, status, statusSeq, createdAt, lastUpdate, version, totalUpdates, tags, notes, lifecycleEvents,
                pausedAt, archivedAt, parentAgentId, spawnReason, apiKey, recentUpdateTimestamps, recentDecisions,
                loopDetectedAt, loopCooldownUntil, lastResponseAt, responseCompleted, unknownFields, LaxFields.NONE);
    }

    /** A record whose status was never set by an operator under this protocol (no {@code status_seq}). */
    public AgentRecord(String agentId, StoredStatus status, String createdAt, String lastUpdate, String version,
            long totalUpdates, List<String> tags, String notes, List<LifecycleEvent> lifecycleEvents,
            @Nullable String pausedAt, @Nullable String archivedAt, @Nullable String parentAgentId,
            @Nullable String spawnReason, @Nullable String apiKey, List<String> recentUpdateTimestamps,
            List<String> recentDecisions, @Nullable String loopDetectedAt, @Nullable String loopCooldownUntil,
            @Nullable String lastResponseAt, boolean responseCompleted, Map<String, JsonNode> unknownFields) {
        this(agentId, status, null, createdAt, lastUpdate, version, totalUpdates, tags, notes, lifecycleEvents,
                pausedAt, archivedAt, parentAgentId, spawnReason, apiKey, recentUpdateTimestamps, recentDecisions,
                loopDetectedAt, loopCooldownUntil, lastResponseAt, responseCompleted, unknownFields);
    }

    /** A newly registered agent: active, no updates, one {@code created} event at {@code now}. */
    public static AgentRecord newAgent(String agentId, String now, @Nullable String apiKey) {
        return new AgentRecord(agentId, AgentStatus.ACTIVE, now, now, DEFAULT_VERSION, 0, List.of(), "",
                List.of(LifecycleEvent.of("created", now, null)), null, null, null, null, apiKey, List.of(),
                List.of(), null, null, null, false, Map.of());
    }

    public AgentRecord withStatus(AgentStatus value) {
        return copy().status(value).build();
    }

    /** Marks the status as set by an operator when the agent's update log ended at {@code logSeq}. */
    public AgentRecord withStatusSeq(long logSeq) {
        return copy().statusSeq(logSeq).build();
    }

    public AgentRecord withLastUpdate(String value) {
        return copy().lastUpdate(value).build();
    }

    public AgentRecord withTotalUpdates(long value) {
        return copy().totalUpdates(value).build();
    }

    public AgentRecord withTags(List<String> value) {
        return copy().tags(value).build();
    }

    public AgentRecord withNotes(String value) {
        return copy().notes(value).build();
    }

    /** Appends one event to {@code lifecycle_events}. */
    public AgentRecord withLifecycleEvent(LifecycleEvent event) {
        List<LifecycleEvent> events = new ArrayList<>(lifecycleEvents);
        events.add(event);
        return copy().lifecycleEvents(events).build();
    }

    /** How many older lifecycle events were dropped to keep the list bounded (0 when none). */
    public long lifecycleEventsDropped() {
        JsonNode count = unknownFields.get(EVENTS_DROPPED);
        return count != null && count.canConvertToLong() ? Math.max(0, count.asLong()) : 0;
    }

    /**
     * The record with only its newest {@code max} lifecycle events; the dropped ones are added to
     * {@code lifecycle_events_dropped} (a field the reference does not know, kept after the known ones).
     */
    public AgentRecord withNewestLifecycleEvents(int max) {
        int excess = lifecycleEvents.size() - max;
        if (excess <= 0) {
            return this;
        }
        Map<String, JsonNode> unknown = new LinkedHashMap<>(unknownFields);
        unknown.put(EVENTS_DROPPED, JsonNodeFactory.instance.numberNode(lifecycleEventsDropped() + excess));
        return copy().lifecycleEvents(lifecycleEvents.subList(excess, lifecycleEvents.size()))
                .unknownFields(unknown).build();
    }

    public AgentRecord withLifecycleEvents(List<LifecycleEvent> value) {
        return copy().lifecycleEvents(value).build();
    }

    public AgentRecord withApiKey(@Nullable String value) {
        return copy().apiKey(value).build();
    }

    public AgentRecord withRecentUpdateTimestamps(List<String> value) {
        return copy().recentUpdateTimestamps(value).build();
    }

    public AgentRecord withRecentDecisions(List<String> value) {
        return copy().recentDecisions(value).build();
    }

    public AgentRecord withLoopDetectedAt(@Nullable String value) {
        return copy().loopDetectedAt(value).build();
    }

    public AgentRecord withLoopCooldownUntil(@Nullable String value) {
        return copy().loopCooldownUntil(value).build();
    }

    public AgentRecord withArchivedAt(@Nullable String value) {
        return copy().archivedAt(value).build();
    }

    public AgentRecord withPausedAt(@Nullable String value) {
        return copy().pausedAt(value).build();
    }

    public AgentRecord withLastResponseAt(@Nullable String value) {
        return copy().lastResponseAt(value).build();
    }

    public AgentRecord withResponseCompleted(boolean value) {
        return copy().responseCompleted(value).build();
    }

    private AgentRecordBuilder copy() {
        return new AgentRecordBuilder(this);
    }
}
