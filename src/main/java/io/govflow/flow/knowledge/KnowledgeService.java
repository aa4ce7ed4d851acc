package io.govflow.flow.knowledge;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import io.govflow.config.GovflowProperties;
import io.govflow.error.ErrorCode;
import io.govflow.error.GovflowException;
import io.govflow.flow.agent.AgentIds;
import io.govflow.flow.auth.Caller;
import io.govflow.flow.update.RecordedTimes;
import io.govflow.store.agent.AgentRecord;
import io.govflow.store.agent.AgentStatus;
import io.govflow.store.agent.MetadataStore;
import io.govflow.store.io.Timestamps;
import io.govflow.store.knowledge.Discovery;
import io.govflow.store.knowledge.GraphIndexes;
import io.govflow.store.knowledge.KnowledgeGraph;
import io.govflow.store.knowledge.KnowledgeGraphStore;
import io.govflow.store.knowledge.KnowledgeGraphStore.Change;

import tools.jackson.databind.JsonNode;

/**
 * The knowledge graph's operations. Every change is one locked read-merge-write of the file (see
 * {@link KnowledgeGraphStore}), so instances sharing the data directory never lose each other's discoveries;
 * the rate limit is counted from the file inside that same step.
 */
@Service
public class KnowledgeService {

    static final int AUTO_LINKS = 5;
    static final int DEFAULT_SEARCH_LIMIT = 100;
    static final int DEFAULT_SIMILAR_LIMIT = 10;
    static final Duration RATE_WINDOW = Duration.ofHours(1);
    private static final String STATUS_OPEN = "open";

    private final KnowledgeGraphStore graphs;
    private final MetadataStore metadata;
    private final RecordedTimes times;
    private final int maxStoresPerHour;
    private final Clock clock;
    private volatile @Nullable Ranked lexical;

    public KnowledgeService(KnowledgeGraphStore graphs, MetadataStore metadata, RecordedTimes times,
            GovflowProperties properties, Clock clock) {
        this.graphs = graphs;
        this.metadata = metadata;
        this.times = times;
        this.maxStoresPerHour = properties.knowledge().maxStoresPerHour();
        this.clock = clock;
    }

    public StoredDiscovery store(Caller caller, StoreDiscoveryCommand command) {
        String agentId = AgentIds.requireValid(command.agentId());
        if (caller.admin() || !agentId.equals(caller.agentId())) {
            throw new GovflowException(ErrorCode.AUTHENTICATION_FAILED);
        }
        AgentRecord agent = metadata.find(agentId).orElseThrow(() -> GovflowException.withDetails(
                ErrorCode.AGENT_NOT_FOUND, Map.of("agent_id", agentId), agentId));
        if (agent.status() == AgentStatus.DELETED) {
            throw GovflowException.withDetails(ErrorCode.AGENT_DELETED, Map.of("agent_id", agentId), agentId);
        }
        Draft draft = validate(command);
        return graphs.update(graph -> {
            Instant now = clock.instant();
            checkRate(graph, agentId, now);
            String timestamp = Timestamps.format(now);
            List<Discovery> related = command.autoLink()
                    ? byTagOverlap(graph, draft.tags(), null, AUTO_LINKS).stream().map(SimilarDiscovery::discovery)
                            .toList()
                    : List.of();
            Discovery discovery = new Discovery(uniqueId(graph, timestamp), agentId, draft.type(), draft.summary(),
                    draft.details(), draft.tags(), draft.severity(), timestamp, STATUS_OPEN,
                    related.stream().map(Discovery::id).toList(), draft.files(), null, null, Map.of());
            return new Change<>(graph.with(discovery), new StoredDiscovery(discovery, related));
        });
    }

    public Discovery get(String discoveryId) {
        return find(graphs.read(), discoveryId);
    }

    public Optional<Discovery> findOptional(String discoveryId) {
        return Optional.ofNullable(graphs.read().nodes().get(discoveryId));
    }

    /** Filtered discoveries: ranked by relevance to {@code q} when given, else newest first. */
    public List<Discovery> search(DiscoveryQuery query) {
        Predicate<Discovery> filter = filter(query);
        int limit = DiscoveryRules.limit(query.limit(), DEFAULT_SEARCH_LIMIT);
        KnowledgeGraph graph = graphs.read();
        String q = query.q() == null ? "" : DiscoveryRules.requireText("q", query.q(), DiscoveryRules.MAX_QUERY,
                false);
        if (q.isBlank()) {
            return graph.nodes().values().stream().filter(filter)
                    .sorted(Comparator.comparing(Discovery::timestamp).thenComparing(Discovery::id).reversed())
                    .limit(limit).toList();
        }
        List<String> terms = LexicalIndex.terms(q);
        LexicalIndex index = lexicalIndex(graph);
        record Scored(Discovery discovery, double score) {
        }
        return graph.nodes().values().stream().filter(filter)
                .map(d -> new Scored(d, index.score(d.id(), terms)))
                .filter(s -> s.score() > 0)
                .sorted(Comparator.comparingDouble(Scored::score).reversed()
                        .thenComparing(s -> s.discovery().id(), Comparator.reverseOrder()))
                .limit(limit).map(Scored::discovery).toList();
    }

    /** The agent's discoveries in the order they were stored (oldest first). */
    public List<Discovery> listForAgent(String agentId, @Nullable Integer limit) {
        AgentIds.requireValid(agentId);
        int max = DiscoveryRules.limit(limit, DEFAULT_SEARCH_LIMIT);
        KnowledgeGraph graph = graphs.read();
        return GraphIndexes.ids(graph.indexes().byAgent(), agentId).stream().limit(max)
                .map(id -> graph.nodes().get(id)).toList();
    }

    /** Changes the status (owner or admin); {@code resolved} stamps resolved_at; a note is appended to details. */
    public Discovery updateStatus(Caller caller, String discoveryId, String status, @Nullable String note) {
        DiscoveryRules.requireStatus(status);
        DiscoveryRules.requireText("note", note, DiscoveryRules.MAX_NOTE, false);
        return graphs.update(graph -> {
            Discovery current = find(graph, discoveryId);
            if (!caller.admin() && !current.agentId().equals(caller.agentId())) {
                throw new GovflowException(ErrorCode.AUTHENTICATION_FAILED);
            }
            String now = Timestamps.now(clock);
            String who = caller.admin() ? "admin" : current.agentId();
            Discovery changed = withNote(current.withStatus(status, now), note, now, who);
            return new Change<>(graph.with(changed), changed);
        });
    }

    /** Discoveries sharing tags with this one, most shared tags first (ties: newest id first). */
    public List<SimilarDiscovery> similar(String discoveryId, @Nullable Integer limit) {
        int max = DiscoveryRules.limit(limit, DEFAULT_SIMILAR_LIMIT);
        KnowledgeGraph graph = graphs.read();
        Discovery origin = find(graph, discoveryId);
        return byTagOverlap(graph, origin.tags(), origin.id(), max);
    }

    public GraphStats stats() {
        KnowledgeGraph graph = graphs.read();
        SortedMap<String, Integer> byAgent = new TreeMap<>();
        SortedMap<String, Integer> byType = new TreeMap<>();
        SortedMap<String, Integer> byStatus = new TreeMap<>();
        SortedMap<String, Integer> bySeverity = new TreeMap<>();
        Set<String> tags = new HashSet<>();
        for (Discovery d : graph.nodes().values()) {
            byAgent.merge(d.agentId(), 1, Integer::sum);
            byType.merge(d.type(), 1, Integer::sum);
            byStatus.merge(d.status(), 1, Integer::sum);
            bySeverity.merge(d.severity() == null ? "none" : d.severity(), 1, Integer::sum);
            tags.addAll(d.tags());
        }
        return new GraphStats(graph.size(), byAgent, byType, byStatus, bySeverity, tags.size(), byAgent.size());
    }

    /**
     * Whether the agent has a stake in the discovery: the discovery links ({@code related_to}) to one of the
     * agent's own discoveries, so it builds on or contradicts that agent's earlier work. Links are made when a
     * discovery is recorded, so nobody can give itself a stake afterwards.
     */
    public boolean hasStake(String agentId, Discovery discovery) {
        KnowledgeGraph graph = graphs.read();
        return discovery.relatedTo().stream().map(graph.nodes()::get)
                .anyMatch(linked -> linked != null && linked.agentId().equals(agentId));
    }

    /** A dialectic dispute opened on the discovery: its status becomes {@code disputed}. */
    public Discovery markDisputed(String discoveryId) {
        return graphs.update(graph -> {
            Discovery current = find(graph, discoveryId);
            Discovery changed = current.withStatus("disputed", Timestamps.now(clock));
            return new Change<>(graph.with(changed), changed);
        });
    }

    /** A dispute settled by a dialectic resolution: the new status and a note in the details. */
    public void settleDispute(String discoveryId, String status, String note, String by) {
        graphs.update(graph -> {
            Discovery current = graph.nodes().get(discoveryId);
            if (current == null) {
                return new Change<>(graph, false);
            }
            String now = Timestamps.now(clock);
            Discovery changed = current.withStatus(status, now);
            boolean fits = changed.details().length() + note.length() + 100 <= DiscoveryRules.MAX_DETAILS;
            return new Change<>(graph.with(fits ? withNote(changed, note, now, by) : changed), true);
        });
    }

    /** The discovery as the file holds it, unknown fields included. */
    public JsonNode toJson(Discovery discovery) {
        return graphs.codec().toObject(discovery);
    }

    private static Discovery find(KnowledgeGraph graph, String discoveryId) {
        Discovery discovery = graph.nodes().get(discoveryId);
        if (discovery == null && graph.damaged().containsKey(discoveryId)) {
            throw GovflowException.withDetails(ErrorCode.STATE_CORRUPT,
                    Map.of("file", "knowledge_graph", "discovery_id", discoveryId));
        }
        if (discovery == null) {
            throw new GovflowException(ErrorCode.DISCOVERY_NOT_FOUND);
        }
        return discovery;
    }

    private Draft validate(StoreDiscoveryCommand c) {
        List<String> files = new ArrayList<>();
        for (String file : c.relatedFiles()) {
            files.add(DiscoveryRules.requireText("related_files", file, DiscoveryRules.MAX_FILE_LENGTH, true));
        }
        if (files.size() > DiscoveryRules.MAX_FILES) {
            throw DiscoveryRules.invalid("related_files", "at most " + DiscoveryRules.MAX_FILES + " entries");
        }
        return new Draft(DiscoveryRules.requireType(c.type()),
                DiscoveryRules.requireText("summary", c.summary(), DiscoveryRules.MAX_SUMMARY, true).strip(),
                DiscoveryRules.requireText("details", c.details(), DiscoveryRules.MAX_DETAILS, false),
                DiscoveryRules.normalizeTags("tags", c.tags()), DiscoveryRules.requireSeverity(c.severity()), files);
    }

    private void checkRate(KnowledgeGraph graph, String agentId, Instant now) {
        Instant windowStart = now.minus(RATE_WINDOW);
        Instant oldest = null;
        int count = 0;
        for (String id : GraphIndexes.ids(graph.indexes().byAgent(), agentId)) {
            Optional<Instant> at = times.parse(graph.nodes().get(id).timestamp());
            if (at.isPresent() && !at.get().isBefore(windowStart)) {
                count++;
                oldest = oldest == null || at.get().isBefore(oldest) ? at.get() : oldest;
            }
        }
        if (count >= maxStoresPerHour && oldest != null) {
            long retryAfter = Math.max(1, Duration.between(now, oldest.plus(RATE_WINDOW)).toSeconds() + 1);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("limit", maxStoresPerHour);
            details.put("window_seconds", RATE_WINDOW.toSeconds());
            details.put("retry_after_seconds", retryAfter);
            throw GovflowException.retryAfter(ErrorCode.RATE_LIMITED, retryAfter, details);
        }
    }

    /** The ISO timestamp, with a suffix ({@code -2}, {@code -3}, …) when another discovery already has it. */
    private static String uniqueId(KnowledgeGraph graph, String timestamp) {
        String id = timestamp;
        for (int n = 2; graph.nodes().containsKey(id) || graph.damaged().containsKey(id); n++) {
            id = timestamp + "-" + n;
        }
        return id;
    }

    private static List<SimilarDiscovery> byTagOverlap(KnowledgeGraph graph, List<String> tags,
            @Nullable String excludeId, int limit) {
        Map<String, List<String>> shared = new HashMap<>();
        for (String tag : tags) {
            for (String id : GraphIndexes.ids(graph.indexes().byTag(), tag)) {
                if (!id.equals(excludeId)) {
                    shared.computeIfAbsent(id, k -> new ArrayList<>()).add(tag);
                }
            }
        }
        return shared.entrySet().stream()
                .sorted(Comparator.<Map.Entry<String, List<String>>>comparingInt(e -> e.getValue().size()).reversed()
                        .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                .limit(limit)
                .map(e -> new SimilarDiscovery(graph.nodes().get(e.getKey()), List.copyOf(e.getValue())))
                .toList();
    }

    private static Predicate<Discovery> filter(DiscoveryQuery q) {
        String agentId = q.agentId() == null ? null : AgentIds.requireValid(q.agentId());
        String type = q.type() == null ? null : DiscoveryRules.requireType(q.type());
        String severity = DiscoveryRules.requireSeverity(q.severity());
        String status = q.status() == null ? null : DiscoveryRules.requireStatus(q.status());
        List<String> tags = DiscoveryRules.normalizeTags("tags", q.tags());
        return d -> (agentId == null || agentId.equals(d.agentId()))
                && (type == null || type.equals(d.type()))
                && (severity == null || severity.equals(d.severity()))
                && (status == null || status.equals(d.status()))
                && d.tags().containsAll(tags);
    }

    private static Discovery withNote(Discovery discovery, @Nullable String note, String now, String by) {
        if (note == null || note.isBlank()) {
            return discovery;
        }
        String details = discovery.details().isEmpty() ? "" : discovery.details() + "\n\n";
        String appended = details + "[" + now + " " + by + "] " + note.strip();
        if (appended.length() > DiscoveryRules.MAX_DETAILS) {
            throw DiscoveryRules.invalid("note", "the details would exceed " + DiscoveryRules.MAX_DETAILS
                    + " characters");
        }
        return discovery.withDetails(appended);
    }

    private LexicalIndex lexicalIndex(KnowledgeGraph graph) {
        Ranked current = lexical;
        if (current == null || current.graph() != graph) {
            current = new Ranked(graph, new LexicalIndex(graph.nodes().values()));
            lexical = current;
        }
        return current.index();
    }

    private record Draft(String type, String summary, String details, List<String> tags, @Nullable String severity,
            List<String> files) {
    }

    private record Ranked(KnowledgeGraph graph, LexicalIndex index) {
    }
}
