package io.govflow.web.knowledge;

import static io.govflow.error.ErrorCode.AGENT_DELETED;
import static io.govflow.error.ErrorCode.AGENT_NOT_FOUND;
import static io.govflow.error.ErrorCode.AUTHENTICATION_FAILED;
import static io.govflow.error.ErrorCode.DISCOVERY_NOT_FOUND;
import static io.govflow.error.ErrorCode.INVALID_AGENT_ID;
import static io.govflow.error.ErrorCode.RATE_LIMITED;
import static io.govflow.error.ErrorCode.STATE_CORRUPT;
import static io.govflow.error.ErrorCode.STORAGE_ERROR;
import static io.govflow.error.ErrorCode.VALIDATION_FAILED;

import java.util.Arrays;
import java.util.List;

import io.govflow.flow.knowledge.DiscoveryQuery;
import io.govflow.flow.knowledge.KnowledgeService;
import io.govflow.flow.knowledge.StoredDiscovery;
import io.govflow.store.knowledge.Discovery;
import io.govflow.web.auth.Access;
import io.govflow.web.limit.Quota;
import io.govflow.web.limit.RateLimited;
import io.govflow.web.auth.RequestCaller;
import io.govflow.web.config.ApiErrors;
import io.govflow.web.config.ApiTags;
import io.govflow.web.knowledge.DiscoveryResponses.Listed;
import io.govflow.web.knowledge.DiscoveryResponses.One;
import io.govflow.web.knowledge.DiscoveryResponses.Similar;
import io.govflow.web.knowledge.DiscoveryResponses.SimilarItem;
import io.govflow.web.knowledge.DiscoveryResponses.Stats;
import io.govflow.web.knowledge.DiscoveryResponses.Stored;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The shared knowledge graph: agents record discoveries and find each other's. */
@RestController
@Tag(name = ApiTags.KNOWLEDGE)
public class KnowledgeController {

    private final KnowledgeService knowledge;

    public KnowledgeController(KnowledgeService knowledge) {
        this.knowledge = knowledge;
    }

    @PostMapping(path = "/api/v1/discoveries", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Access(Access.Level.ANY_CREDENTIAL)
    @RateLimited(Quota.DISCOVERIES)
    @Operation(operationId = "storeDiscovery", summary = "Record a discovery",
            description = "Needs the key of agent_id (any other credential: AUTHENTICATION_FAILED). At most "
                    + "govflow.knowledge.max-stores-per-hour (10) per agent per hour, counted from the file. "
                    + "related_to links up to 5 discoveries that share tags.")
    @ApiErrors(value = { INVALID_AGENT_ID, AGENT_NOT_FOUND, AGENT_DELETED, RATE_LIMITED, STATE_CORRUPT,
            STORAGE_ERROR }, writes = true)
    @ResponseStatus(HttpStatus.CREATED)
    public Stored store(@Parameter(hidden = true) HttpServletRequest request,
            @Valid @RequestBody StoreDiscoveryRequest body) {
        StoredDiscovery stored = knowledge.store(RequestCaller.of(request), body.toCommand());
        return new Stored(true, stored.id(), knowledge.toJson(stored.discovery()),
                stored.related().stream().map(knowledge::toJson).toList());
    }

    @GetMapping(path = "/api/v1/discoveries", produces = MediaType.APPLICATION_JSON_VALUE)
    @Access(Access.Level.ANY_CREDENTIAL)
    @Operation(operationId = "searchDiscoveries", summary = "Search discoveries",
            description = "Every filter given must hold; tags is a comma-separated list and every tag must be "
                    + "present. With q the results are ranked by relevance (BM25 over summary, details and tags), "
                    + "otherwise newest first. limit 1..100 (default 100).")
    @ApiErrors({ VALIDATION_FAILED, INVALID_AGENT_ID, STATE_CORRUPT })
    public Listed search(
            @Parameter(example = "scout_20251201") @RequestParam(name = "agent_id", required = false)
            @Nullable String agentId,
            @Parameter(example = "export,csv") @RequestParam(required = false) @Nullable String tags,
            @Parameter(example = "bug_found") @RequestParam(required = false) @Nullable String type,
            @Parameter(example = "high") @RequestParam(required = false) @Nullable String severity,
            @Parameter(example = "open") @RequestParam(required = false) @Nullable String status,
            @Parameter(example = "coherence threshold") @RequestParam(required = false) @Nullable String q,
            @Parameter(example = "20") @RequestParam(required = false) @Nullable Integer limit) {
        return listed(knowledge.search(new DiscoveryQuery(agentId, splitTags(tags), type, severity, status, q,
                limit)));
    }

    @GetMapping(path = "/api/v1/discoveries/stats", produces = MediaType.APPLICATION_JSON_VALUE)
    @Access(Access.Level.ANY_CREDENTIAL)
    @Operation(operationId = "discoveryStats", summary = "Counts over the knowledge graph",
            description = "Totals of discoveries, tags and agents, and counts by agent, type, status and severity.")
    @ApiErrors({ STATE_CORRUPT })
    public Stats stats() {
        return Stats.of(knowledge.stats());
    }

    @GetMapping(path = "/api/v1/discoveries/{did}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Access(Access.Level.ANY_CREDENTIAL)
    @Operation(operationId = "getDiscovery", summary = "One discovery",
            description = "The discovery as stored in the knowledge graph, by its id (the timestamp it was "
                    + "recorded at).")
    @ApiErrors({ VALIDATION_FAILED, DISCOVERY_NOT_FOUND, STATE_CORRUPT })
    public One get(@Parameter(example = "2025-12-01T15:12:45.585896") @PathVariable String did) {
        return new One(true, knowledge.toJson(knowledge.get(did)));
    }

    @PatchMapping(path = "/api/v1/discoveries/{did}", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Access(Access.Level.ANY_CREDENTIAL)
    @Operation(operationId = "updateDiscoveryStatus", summary = "Change a discovery's status",
            description = "The owner's key or the admin token. resolved stamps resolved_at; the note is appended "
                    + "to the details.")
    @ApiErrors(value = { DISCOVERY_NOT_FOUND, STATE_CORRUPT, STORAGE_ERROR }, writes = true)
    public One updateStatus(@Parameter(hidden = true) HttpServletRequest request,
            @PathVariable String did, @Valid @RequestBody DiscoveryStatusRequest body) {
        return new One(true, knowledge.toJson(knowledge.updateStatus(RequestCaller.of(request), did, body.status(), body.note())));
    }

    @GetMapping(path = "/api/v1/discoveries/{did}/similar", produces = MediaType.APPLICATION_JSON_VALUE)
    @Access(Access.Level.ANY_CREDENTIAL)
    @Operation(operationId = "similarDiscoveries", summary = "Discoveries sharing tags with this one",
            description = "Most shared tags first; limit 1..100 (default 10).")
    @ApiErrors({ VALIDATION_FAILED, DISCOVERY_NOT_FOUND, STATE_CORRUPT })
    public Similar similar(@PathVariable String did,
            @RequestParam(required = false) @Nullable Integer limit) {
        List<SimilarItem> items = knowledge.similar(did, limit).stream()
                .map(s -> new SimilarItem(knowledge.toJson(s.discovery()), s.sharedTags())).toList();
        return new Similar(true, did, items);
    }

    @GetMapping(path = "/api/v1/agents/{id}/discoveries", produces = MediaType.APPLICATION_JSON_VALUE)
    @Access(Access.Level.ANY_CREDENTIAL)
    @Operation(operationId = "listAgentDiscoveries", summary = "An agent's discoveries, oldest first",
            description = "limit 1..100 (default 100).")
    @ApiErrors({ VALIDATION_FAILED, INVALID_AGENT_ID, STATE_CORRUPT })
    public Listed listForAgent(@PathVariable String id, @RequestParam(required = false) @Nullable Integer limit) {
        return listed(knowledge.listForAgent(id, limit));
    }

    private Listed listed(List<Discovery> discoveries) {
        return new Listed(true, discoveries.stream().map(knowledge::toJson).toList(), discoveries.size());
    }

    private static List<String> splitTags(@Nullable String tags) {
        if (tags == null || tags.isBlank()) {
            return List.of();
        }
        return Arrays.stream(tags.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
    }
}
