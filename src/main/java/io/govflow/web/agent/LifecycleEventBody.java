package io.govflow.web.agent;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.govflow.store.agent.LifecycleEvent;
import org.jspecify.annotations.Nullable;

/** One lifecycle event as clients see it; {@code conditions} only where a resolution attached some. */
public record LifecycleEventBody(String event, String timestamp, @Nullable String reason,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable List<String> conditions) {

    static List<LifecycleEventBody> of(List<LifecycleEvent> events) {
        return events.stream().map(e -> new LifecycleEventBody(e.event(), e.timestamp(), e.reason(), e.conditions()))
                .toList();
    }
}
