package io.govflow.flow.agent;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.govflow.error.ErrorCode;
import io.govflow.error.GovflowException;
import io.govflow.flow.update.RecordedTimes;
import io.govflow.store.agent.AgentRecord;
import io.govflow.store.agent.MetadataRepository;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/** The paged agent listing: newest {@code last_update} first, filtered by status and tag, with counts by status. */
@Service
public class AgentListing {

    public static final int MAX_SIZE = 200;

    private final MetadataRepository metadata;
    private final RecordedTimes times;

    public AgentListing(MetadataRepository metadata, RecordedTimes times) {
        this.metadata = metadata;
        this.times = times;
    }

    public AgentPage list(@Nullable String status, @Nullable String tag, int page, int size) {
        if (status != null && !AgentStatuses.ALL.contains(status)) {
            throw GovflowException.withDetails(ErrorCode.VALIDATION_FAILED, Map.of("fields", List.of(Map.of(
                    "field", "status", "problem", "must be one of " + String.join(", ", AgentStatuses.ALL)))));
        }
        List<AgentRecord> tagged = metadata.readAll().values().stream()
                .filter(r -> tag == null || r.tags().contains(tag))
                .toList();
        List<AgentRecord> matching = tagged.stream()
                .filter(r -> status == null || r.status().equals(status))
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
        AgentStatuses.ALL.forEach(s -> counts.put(s, 0L));
        records.forEach(r -> counts.merge(r.status(), 1L, Long::sum));
        return counts;
    }
}
