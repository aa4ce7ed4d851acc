package io.govflow.store.agent;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import io.govflow.store.io.FileFormatException;
import io.govflow.store.io.LenientFields;
import io.govflow.store.io.SafeIds;
import io.govflow.store.io.StoreJson;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static io.govflow.store.io.JsonFields.array;
import static io.govflow.store.io.JsonFields.bool;
import static io.govflow.store.io.JsonFields.integer;
import static io.govflow.store.io.JsonFields.nullableString;
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
 * {@code created_at} (or the seed's {@code created}) and {@code last_update} are required. Fields clients could
 * set in the reference ({@code tags, notes, parent_agent_id, spawn_reason}, an event's {@code reason} and
 * {@code conditions}) are read leniently and written back as stored. A record that still cannot be read is kept
 * aside as damaged (only that agent is unavailable); a file that is not a JSON object is a
 * {@link FileFormatException}: a damaged file is never read as "fewer agents".
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

    /** Every record; one that cannot be read is kept aside as damaged, the others are served. */
    public MetadataFile parse(byte[] content) {
        SortedMap<String, AgentRecord> records = new TreeMap<>();
        SortedMap<String, MetadataFile.DamagedRecord> damaged = new TreeMap<>();
        for (Map.Entry<String, JsonNode> field : json.parseObject(content).properties()) {
            String id = field.getKey();
            try {
                if (!field.getValue().isObject()) {
                    throw new FileFormatException("the record is " + LenientFields.typeName(field.getValue())
                            + ", not an object");
                }
                records.put(id, recordFrom((ObjectNode) field.getValue(), id));
            } catch (FileFormatException e) {
                damaged.put(id, new MetadataFile.DamagedRecord(id, field.getValue().deepCopy(), e.getMessage()));
            }
        }
        return new MetadataFile(records, damaged);
    }

    /** The readable records in one file (tests and tools that have no damaged ones). */
    public byte[] format(SortedMap<String, AgentRecord> records) {
        return format(new MetadataFile(records, new TreeMap<>()));
    }

    /** The file: readable records as Govflow holds them, damaged ones exactly as stored, sorted by agent id. */
    public byte[] format(MetadataFile file) {
        SortedMap<String, JsonNode> values = new TreeMap<>();
        file.damaged().forEach((id, record) -> values.put(id, record.stored().deepCopy()));
        file.records().forEach((id, record) -> values.put(id, toObject(record)));
        ObjectNode root = json.object();
        values.forEach(root::set);
        return json.toFileBytes(root);
    }

    /** One record; fields the reference never type-checked are read leniently (see {@link LenientFields}). */
    public AgentRecord recordFrom(ObjectNode o, String key) {
        LenientFields lenient = new LenientFields(o);
        return new AgentRecord(
                string(o, "agent_id", key),
                StoredStatus.of(string(o, "status", AgentStatus.ACTIVE.word())),
                statusSeq(o),
                createdAt(o, lenient),
                requiredString(o, "last_update"),
                string(o, "version", AgentRecord.DEFAULT_VERSION),
                integer(o, "total_updates", 0),
                lenient.strings("tags"),
                lenient.text("notes", ""),
                events(o),
                nullableString(o, "paused_at"),
                nullableString(o, "archived_at"),
                parentAgentId(o, lenient),
                lenient.nullableText("spawn_reason"),
                apiKey(o, lenient),
                strings(o, "recent_update_timestamps"),
                strings(o, "recent_decisions"),
                nullableString(o, "loop_detected_at"),
                nullableString(o, "loop_cooldown_until"),
                nullableString(o, "last_response_at"),
                bool(o, "response_completed", false),
                unknownFields(o, RECORD_FIELDS),
                lenient.lax());
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
        r.laxFields().restore(o);
        return o;
    }

    /** An id: a value whose text is not a usable agent id names no agent (null), and stays in the file. */
    private static @Nullable String parentAgentId(ObjectNode o, LenientFields lenient) {
        String text = lenient.nullableText("parent_agent_id");
        if (text != null && (text.length() < 3 || !SafeIds.isFileSafe(text))) {
            lenient.keep("parent_agent_id", o.get("parent_agent_id"));
            return null;
        }
        return text;
    }

    /** The seed's own example names the field {@code created}; it is read as {@code created_at}. */
    private static String createdAt(ObjectNode o, LenientFields lenient) {
        if (!o.hasNonNull("created_at") && o.get("created") != null && o.get("created").isString()) {
            return lenient.fromOldName("created_at", "created");
        }
        return requiredString(o, "created_at");
    }

    /**
     * The key is never read leniently: a value that is not a string is no key at all (null), so the agent cannot
     * authenticate until an operator rotates its key; the value stays in the file as stored.
     */
    private static @Nullable String apiKey(ObjectNode o, LenientFields lenient) {
        JsonNode n = o.get("api_key");
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isString()) {
            lenient.keep("api_key", n);
            return null;
        }
        return n.stringValue();
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
        LenientFields lenient = new LenientFields(o);
        return new LifecycleEvent(requiredString(o, "event"), requiredString(o, "timestamp"),
                lenient.nullableText("reason"), lenient.nullableStrings("conditions"), unknownFields(o, EVENT_FIELDS),
                lenient.lax());
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
        event.laxFields().restore(o);
        return o;
    }
}
