package io.govflow.flow.fleet;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import io.govflow.engine.Thresholds;
import io.govflow.error.ErrorCode;
import io.govflow.error.GovflowException;
import io.govflow.flow.dialectic.ReviewsInProgress;
import io.govflow.flow.update.CurrentThresholds;
import io.govflow.flow.update.EffectiveRecords;
import io.govflow.flow.update.RecordedTimes;
import io.govflow.store.agent.AgentRecord;
import io.govflow.store.agent.AgentStatus;
import io.govflow.store.agent.MetadataStore;

/**
 * The fleet endpoints' answers, from the metadata records (cached by the store while the file is unchanged, rolled
 * forward over this instance's unflushed lines) and the {@link FleetIndex}: no log is read per call, except the
 * tails of logs that changed since the index's last refresh.
 */
@Service
public class FleetReport {

    private static final String OTHER = "other";

    private final FleetIndex index;
    private final MetadataStore metadata;
    private final EffectiveRecords effectiveRecords;
    private final CurrentThresholds thresholds;
    private final ReviewsInProgress reviews;
    private final RecordedTimes times;
    private final Clock clock;

    FleetReport(FleetIndex index, MetadataStore metadata, EffectiveRecords effectiveRecords,
            CurrentThresholds thresholds, ReviewsInProgress reviews, RecordedTimes times, Clock clock) {
        this.index = index;
        this.metadata = metadata;
        this.effectiveRecords = effectiveRecords;
        this.thresholds = thresholds;
        this.reviews = reviews;
        this.times = times;
        this.clock = clock;
    }

    public FleetSummary summary() {
        Instant now = clock.instant();
        List<FleetRow> rows = rows(now);
        Thresholds t = thresholds.current();
        List<FleetRow> live = rows.stream().filter(r -> !r.deleted()).toList();
        List<MinuteCount> minutes = index.lastHour();
        return new FleetSummary(now, rows.size(), byStatus(rows),
                distribution(live, FleetRow::attentionScore), distribution(live, FleetRow::coherence),
                new FleetSummary.Thresholds(t.riskApprove(), t.riskRevise(), t.coherenceCritical()),
                sample(live, r -> r.attentionScore() != null && r.attentionScore() >= t.riskRevise()),
                sample(live, r -> AgentStatus.PAUSED.word().equals(r.status())),
                sample(live, FleetRow::inReview),
                sample(live, r -> r.loopCooldownUntil() != null),
                minutes, minutes.stream().mapToLong(MinuteCount::updates).sum());
    }

    /** The anomalies of every agent that is not deleted, most severe first, at most {@code limit}. */
    public FleetAnomalies anomalies(int limit) {
        Map<String, AgentSeries> series = index.current();
        List<Anomaly> found = new ArrayList<>();
        for (AgentRecord record : metadata.readAll().values()) {
            AgentSeries agent = series.get(record.agentId());
            if (agent != null && effectiveRecords.forFleetView(record).status() != AgentStatus.DELETED) {
                found.addAll(agent.anomalies(record.agentId()));
            }
        }
        found.sort(Anomaly.MOST_SEVERE_FIRST);
        return new FleetAnomalies(clock.instant(), index.window(), DeviationRule.SIGMA,
                found.subList(0, Math.min(limit, found.size())));
    }

    public FleetPage agents(FleetQuery query) {
        if (query.status() != null && AgentStatus.fromWord(query.status()).isEmpty()) {
            throw GovflowException.withDetails(ErrorCode.VALIDATION_FAILED, Map.of("fields", List.of(Map.of(
                    "field", "status", "problem", "must be one of active, waiting_input, paused, archived, deleted"))));
        }
        List<FleetRow> matching = rows(clock.instant()).stream()
                .filter(r -> query.status() == null || r.status().equals(query.status()))
                .filter(r -> query.tag() == null || r.tags().contains(query.tag()))
                .sorted(query.sort().comparator(query.descending()))
                .toList();
        long from = Math.min((long) query.page() * query.size(), matching.size());
        int to = (int) Math.min(from + query.size(), matching.size());
        return new FleetPage(matching.subList((int) from, to), query.page(), query.size(), matching.size());
    }

    private List<FleetRow> rows(Instant now) {
        Map<String, AgentSeries> series = index.current();
        Set<String> underReview = reviews.agentsUnderReview();
        List<FleetRow> rows = new ArrayList<>();
        for (AgentRecord stored : metadata.readAll().values()) {
            AgentRecord record = effectiveRecords.forFleetView(stored);
            AgentSeries agent = series.get(record.agentId());
            rows.add(row(record, agent == null ? null : agent.latest(), underReview.contains(record.agentId()), now));
        }
        return rows;
    }

    private FleetRow row(AgentRecord record, AgentSeries.@Nullable Latest latest, boolean inReview, Instant now) {
        boolean indexed = latest != null && latest.seq() >= record.totalUpdates();
        Instant lastUpdate = indexed && latest.at() != null ? latest.at()
                : record.totalUpdates() == 0 ? null : times.parse(record.lastUpdate()).orElse(null);
        Instant cooldown = record.loopCooldownUntil() == null ? null
                : times.parse(record.loopCooldownUntil()).filter(until -> until.isAfter(now)).orElse(null);
        return new FleetRow(record.agentId(), record.status().word(), record.tags(), lastUpdate,
                indexed ? latest.seq() : record.totalUpdates(),
                latest == null ? null : latest.attention(), latest == null ? null : latest.coherence(),
                latest == null ? null : latest.decision(), latest == null ? null : latest.verdict(), cooldown,
                inReview);
    }

    private static Map<String, Long> byStatus(List<FleetRow> rows) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (AgentStatus status : AgentStatus.values()) {
            counts.put(status.word(), 0L);
        }
        counts.put(OTHER, 0L);
        rows.forEach(r -> counts.merge(counts.containsKey(r.status()) ? r.status() : OTHER, 1L, Long::sum));
        return counts;
    }

    private static Distribution distribution(List<FleetRow> rows, java.util.function.Function<FleetRow,
            @Nullable Double> value) {
        ToDoubleFunction<FleetRow> get = r -> {
            Double v = value.apply(r);
            return v == null ? Double.NaN : v;
        };
        return Distribution.of(rows.stream().mapToDouble(get).toArray());
    }

    private static FleetSummary.IdSample sample(List<FleetRow> rows, Predicate<FleetRow> member) {
        List<String> ids = rows.stream().filter(member).map(FleetRow::agentId).toList();
        return new FleetSummary.IdSample(ids.size(), ids.subList(0, Math.min(FleetSummary.IdSample.MAX_IDS,
                ids.size())));
    }
}
