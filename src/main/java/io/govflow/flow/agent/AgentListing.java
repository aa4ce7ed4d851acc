package io.govflow.flow.agent;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.govflow.error.ErrorCode;
import io.govflow.error.GovflowException;
import io.govflow.flow.update.EffectiveRecords;
import io.govflow.flow.update.RecordedTimes;
import io.govflow.store.agent.AgentRecord;
import io.govflow.store.agent.AgentStatus;
import io.govflow.store.agent.MetadataStore;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/** The paged agent listing: newest {@code last_update} first, filtered by status and tag, with counts by status. */
@Service
public class AgentListing {

    public static final int MAX_SIZE = 200;

    private static final String ALL_WORDS = Stream.of(AgentStatus.values()).map(AgentStatus::word)
            .collect(Collectors.joining(", "));

    private final MetadataStore metadata;
    private final RecordedTimes times;
    private final EffectiveRecords effectiveRecords;

    public AgentListing(MetadataStore metadata, RecordedTimes times, EffectiveRecords effectiveRecords) {
        this.metadata = metadata;
        this.times = times;
        this.effectiveRecords = effectiveRecords;
    }

    public AgentPage list(@Nullable String statusWord, @Nullable String tag, int page, int size) {
        @Nullable AgentStatus status = statusWord == null ? null : AgentStatus.fromWord(statusWord).orElseThrow(
                () -> GovflowException.withDetails(ErrorCode.VALIDATION_FAILED, Map.of("fields", List.of(Map.of(
                        "field", "status", "problem", "must be one of " + ALL_WORDS)))));
        List<AgentRecord> tagged = metadata.readAll().values().stream()
                .map(effectiveRecords::forFleetView)
                .filter(r -> tag == null || r.tags().contains(tag))
                .toList();
        List<AgentRecord> matching = tagged.stream()
                .filter(r -> status == null || r.status() == status)
                .sorted(newestFirst())
                .toList();
        long from = Math.min((long) page * size, matching.size());
        int to = (int) Math.min(from + size, matching.size());
        return new AgentPage(matching.subList((int) from, to), page, size, matching.size(), countByStatus(tagged));
    }

    private Comparator<AgentRecord> newestFirst() {
        Comparator<AgentRecord> byTime = Comparator.comparing(
                (AgentRecord r) -> times.parse(r.lastUpdate()).orElse(Instant.MIN)).reversed();
        return byTime.thenComparing(AgentRecord::agentId);
    }

    private static Map<String, Long> countByStatus(List<AgentRecord> records) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (AgentStatus status : AgentStatus.values()) {
            counts.put(status.word(), 0L);
        }
        records.forEach(r -> counts.merge(r.status().word(), 1L, Long::sum));
        return counts;
    }
}
