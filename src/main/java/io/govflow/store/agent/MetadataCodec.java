package io.govflow.store.agent;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import io.govflow.store.io.FileFormatException;
import io.govflow.store.io.StoreJson;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static io.govflow.store.io.JsonFields.array;
import static io.govflow.store.io.JsonFields.bool;
import static io.govflow.store.io.JsonFields.integer;
import static io.govflow.store.io.JsonFields.nullableString;
import static io.govflow.store.io.JsonFields.nullableStrings;
import static io.govflow.store.io.JsonFields.putNullable;
import static io.govflow.store.io.JsonFields.putStrings;
import static io.govflow.store.io.JsonFields.putUnknown;
import static io.govflow.store.io.JsonFields.requiredString;
import static io.govflow.store.io.JsonFields.string;
import static io.govflow.store.io.JsonFields.strings;
import static io.govflow.store.io.JsonFields.unknownFields;

/**
 * {@code agent_metadata.json}: one object keyed and sorted by agent id. Fields added by later reference versions
 * ({@code parent_agent_id} … {@code response_completed}) and a few early ones take defaults when missing;
 * {@code created_at}, {@code last_update} and the shape of every value are required. Anything else malformed is
 * a {@link FileFormatException}: a damaged file is never read as "fewer agents".
 */
public final class MetadataCodec {

    private static final Set<String> RECORD_FIELDS = Set.of("agent_id", "status", "status_seq", "created_at", "last_update",
            "version", "total_updates", "tags", "notes", "lifecycle_events", "paused_at", "archived_at",
            "parent_agent_id", "spawn_reason", "api_key", "recent_update_timestamps", "recent_decisions",
            "loop_detected_at", "loop_cooldown_until", "last_response_at", "response_completed");
    private static final Set<String> EVENT_FIELDS = Set.of("event", "timestamp", "reason", "conditions");

    private final StoreJson json;

    public MetadataCodec(StoreJson json) {
        this.json = json;
    }

    public SortedMap<String, AgentRecord> parse(byte[] content) {
        SortedMap<String, AgentRecord> records = new TreeMap<>();
        for (Map.Entry<String, JsonNode> field : json.parseObject(content).properties()) {
            if (!field.getValue().isObject()) {
                throw new FileFormatException("metadata of an agent is not an object");
            }
            records.put(field.getKey(), recordFrom((ObjectNode) field.getValue(), field.getKey()));
        }
        return Collections.unmodifiableSortedMap(records);
    }

    public byte[] format(SortedMap<String, AgentRecord> records) {
        ObjectNode root = json.object();
        records.forEach((id, record) -> root.set(id, toObject(record)));
        return json.toFileBytes(root);
    }

    public AgentRecord recordFrom(ObjectNode o, String key) {
        return new AgentRecord(
                string(o, "agent_id", key),
                StoredStatus.of(string(o, "status", AgentStatus.ACTIVE.word())),
                statusSeq(o),
                requiredString(o, "created_at"),
                requiredString(o, "last_update"),
                string(o, "version", AgentRecord.DEFAULT_VERSION),
                integer(o, "total_updates", 0),
                strings(o, "tags"),
                string(o, "notes", ""),
                events(o),
                nullableString(o, "paused_at"),
                nullableString(o, "archived_at"),
                nullableString(o, "parent_agent_id"),
                nullableString(o, "spawn_reason"),
                nullableString(o, "api_key"),
                strings(o, "recent_update_timestamps"),
                strings(o, "recent_decisions"),
                nullableString(o, "loop_detected_at"),
                nullableString(o, "loop_cooldown_until"),
                nullableString(o, "last_response_at"),
                bool(o, "response_completed", false),
                unknownFields(o, RECORD_FIELDS));
    }

    public ObjectNode toObject(AgentRecord r) {
        ObjectNode o = json.object();
        o.put("agent_id", r.agentId());
        o.put("status", r.status().word());
        if (r.statusSeq() != null) {
            o.put("status_seq", r.statusSeq());
        }
        o.put("created_at", r.createdAt());
        o.put("last_update", r.lastUpdate());
        o.put("version", r.version());
        o.put("total_updates", r.totalUpdates());
        putStrings(o, "tags", r.tags());
        o.put("notes", r.notes());
        ArrayNode events = o.putArray("lifecycle_events");
        r.lifecycleEvents().forEach(event -> events.add(toObject(event)));
        putNullable(o, "paused_at", r.pausedAt());
        putNullable(o, "archived_at", r.archivedAt());
        putNullable(o, "parent_agent_id", r.parentAgentId());
        putNullable(o, "spawn_reason", r.spawnReason());
        putNullable(o, "api_key", r.apiKey());
        putStrings(o, "recent_update_timestamps", r.recentUpdateTimestamps());
        putStrings(o, "recent_decisions", r.recentDecisions());
        putNullable(o, "loop_detected_at", r.loopDetectedAt());
        putNullable(o, "loop_cooldown_until", r.loopCooldownUntil());
        putNullable(o, "last_response_at", r.lastResponseAt());
        o.put("response_completed", r.responseCompleted());
        putUnknown(o, r.unknownFields());
        return o;
    }

    /** Absent in records written before operator changes recorded it (reference records among them). */
    private static @Nullable Long statusSeq(ObjectNode o) {
        return o.has("status_seq") ? integer(o, "status_seq", 0) : null;
    }

    private static List<LifecycleEvent> events(ObjectNode o) {
        ArrayNode array = array(o, "lifecycle_events");
        if (array == null) {
            return List.of();
        }
        List<LifecycleEvent> events = new ArrayList<>(array.size());
        for (JsonNode element : array) {
            if (!element.isObject()) {
                throw new FileFormatException("a lifecycle event is not an object");
            }
            events.add(eventFrom((ObjectNode) element));
        }
        return events;
    }

    private static LifecycleEvent eventFrom(ObjectNode o) {
        return new LifecycleEvent(requiredString(o, "event"), requiredString(o, "timestamp"),
                nullableString(o, "reason"), nullableStrings(o, "conditions"), unknownFields(o, EVENT_FIELDS));
    }

    private ObjectNode toObject(LifecycleEvent event) {
        ObjectNode o = json.object();
        o.put("event", event.event());
        o.put("timestamp", event.timestamp());
        putNullable(o, "reason", event.reason());
        if (event.conditions() != null) {
            putStrings(o, "conditions", event.conditions());
        }
        putUnknown(o, event.unknownFields());
        return o;
    }
}
