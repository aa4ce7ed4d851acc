package io.govflow.store.agent;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.govflow.store.io.JsonFields;
import io.govflow.store.io.LaxFields;

import tools.jackson.databind.JsonNode;

/**
 * One entry of an agent's {@code lifecycle_events}: {@code {event, timestamp, reason}}, plus {@code conditions}
 * when a dialectic resolution attached some (omitted when null), plus unknown fields preserved.
 */
public record LifecycleEvent(String event, String timestamp, @Nullable String reason,
        @Nullable List<String> conditions, Map<String, JsonNode> unknownFields, LaxFields laxFields) {

    public LifecycleEvent {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(timestamp, "timestamp");
        conditions = conditions == null ? null : List.copyOf(conditions);
        unknownFields = JsonFields.copyOf(unknownFields);
        Objects.requireNonNull(laxFields, "laxFields");
    }

    public LifecycleEvent(String event, String timestamp, @Nullable String reason, @Nullable List<String> conditions,
            Map<String, JsonNode> unknownFields) {
        this(event, timestamp, reason, conditions, unknownFields, LaxFields.NONE);
    }

    public static LifecycleEvent of(String event, String timestamp, @Nullable String reason) {
        return new LifecycleEvent(event, timestamp, reason, null, Map.of());
    }

    public LifecycleEvent withConditions(List<String> newConditions) {
        return new LifecycleEvent(event, timestamp, reason, newConditions, unknownFields, laxFields);
    }
}
