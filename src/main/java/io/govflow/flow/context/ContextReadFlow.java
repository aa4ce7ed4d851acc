package io.govflow.flow.context;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import io.govflow.error.ErrorCode;
import io.govflow.error.GovflowException;
import io.govflow.store.context.CanonicalJson;
import io.govflow.store.context.ContextEnvelope;
import io.govflow.store.context.ContextEnvelopeCodec;
import io.govflow.store.context.ContextManifest;
import io.govflow.store.context.ContextStore;
import io.govflow.store.context.ManifestEntry;
import io.govflow.store.io.Timestamps;

import tools.jackson.databind.JsonNode;

/**
 * The read pipeline: load → validate (minimum fields, version, tenant, type, hash) → fresh? (TTL; for
 * service-maintained types: not older than the source) → serve. Otherwise fallback 1, the canonical store
 * (service-maintained types are re-derived and rewritten; agent-written types serve the previous valid copy,
 * stale), then fallback 2, a lexical search over the tenant's other documents and the knowledge graph's
 * discoveries. Also the manifest listing and the drift report.
 */
@Service
public class ContextReadFlow {

    private final Tenants tenants;
    private final ContextStore repository;
    private final DocumentCheck check;
    private final ContextSources sources;
    private final Materializer materializer;
    private final SemanticFallback semantic;
    private final ContextEnvelopeCodec codec;
    private final CanonicalJson canonical;
    private final Clock clock;

    public ContextReadFlow(Tenants tenants, ContextStore repository, DocumentCheck check,
            ContextSources sources, Materializer materializer, SemanticFallback semantic,
            ContextEnvelopeCodec codec, CanonicalJson canonical, Clock clock) {
        this.tenants = tenants;
        this.repository = repository;
        this.check = check;
        this.sources = sources;
        this.materializer = materializer;
        this.semantic = semantic;
        this.codec = codec;
        this.canonical = canonical;
        this.clock = clock;
    }

    public ContextRead read(String agentId, String type, boolean full, @Nullable String query) {
        ContextTypes.requireValid(type);
        tenants.require(agentId);
        Optional<ContextSource> source = sourceOf(type);
        DocumentCheck.Checked current = check.check(repository.readDocument(agentId, type), agentId, type);
        DocumentProblem problem = current.problem();
        ContextEnvelope stored = current.envelope();
        if (current.valid() && stored != null) {
            if (source.isPresent()) {
                if (sameJson(stored.d().get("as_of"), source.get().asOf(agentId))) {
                    return served(ContextSourceKind.FLAT_FILE, false, null, stored, full);
                }
                problem = DocumentProblem.SOURCE_CHANGED;
            } else {
                boolean expired = DocumentCheck.expired(stored, clock.instant());
                return served(ContextSourceKind.FLAT_FILE, expired, expired ? DocumentProblem.EXPIRED : null,
                        stored, full);
            }
        }
        if (source.isPresent()) {
            ContextEnvelope derived = materializer.materialize(agentId, source.get());
            return served(ContextSourceKind.CANONICAL_STORE, false, problem, derived, full);
        }
        DocumentCheck.Checked previous = check.check(repository.readPrevious(agentId, type), agentId, type);
        if (previous.valid() && previous.envelope() != null) {
            return served(ContextSourceKind.CANONICAL_STORE, true, problem, previous.envelope(), full);
        }
        Optional<ContextEnvelope> answer = semantic.answer(agentId, type, queryTerms(agentId, type, query));
        if (answer.isPresent()) {
            return served(ContextSourceKind.SEMANTIC, true, problem, answer.get(), full);
        }
        throw notFound(problem);
    }

    public ContextListing list(String agentId) {
        tenants.require(agentId);
        ContextManifest manifest = repository.manifest(agentId);
        List<ContextListing.Document> documents = new ArrayList<>();
        manifest.documents().forEach((type, entry) -> documents.add(new ContextListing.Document(type, entry)));
        return new ContextListing(agentId, manifest.updatedAt(), documents, sources.types());
    }

    public DriftReport drift(String agentId, String type) {
        ContextTypes.requireValid(type);
        tenants.require(agentId);
        Optional<ContextSource> source = sourceOf(type);
        DocumentCheck.Checked current = check.check(repository.readDocument(agentId, type), agentId, type);
        boolean previousCopy = check.check(repository.readPrevious(agentId, type), agentId, type).valid();
        ContextEnvelope stored = current.envelope();
        DocumentProblem problem = current.problem();
        if (stored == null || problem != null && problem != DocumentProblem.HASH_MISMATCH) {
            String status = problem == DocumentProblem.MISSING ? "missing" : "invalid";
            return new DriftReport(type, status, problem != DocumentProblem.MISSING, false, problem, null, null, null,
                    source.isPresent(), null, currentAsOf(source, agentId), null, 0, null, false, previousCopy);
        }
        JsonNode storedHash = stored.m().get("h");
        boolean hashMatch = problem == null;
        JsonNode storedAsOf = stored.d().get("as_of");
        JsonNode currentAsOf = currentAsOf(source, agentId);
        Boolean inSync = currentAsOf == null ? null : sameJson(storedAsOf, currentAsOf);
        boolean expired = DocumentCheck.expired(stored, clock.instant());
        String status = !hashMatch ? "hash_drift" : Boolean.FALSE.equals(inSync) ? "source_drift"
                : expired ? "expired" : "in_sync";
        return new DriftReport(type, status, true, hashMatch, problem,
                storedHash == null ? null : storedHash.asString(""), current.computedHash(), hashMatch,
                source.isPresent(), storedAsOf, currentAsOf, inSync, DocumentCheck.ttlSeconds(stored),
                DocumentCheck.expiry(stored).map(Timestamps::format).orElse(null), expired,
                previousCopy);
    }

    /** The source of a service-maintained type; such a type without a source does not exist yet. */
    private Optional<ContextSource> sourceOf(String type) {
        Optional<ContextSource> source = sources.find(type);
        if (ContextTypes.serviceMaintained(type) && source.isEmpty()) {
            throw new GovflowException(ErrorCode.CONTEXT_NOT_FOUND);
        }
        return source;
    }

    private @Nullable JsonNode currentAsOf(Optional<ContextSource> source, String agentId) {
        return source.map(s -> s.asOf(agentId)).orElse(null);
    }

    /** {@code ?q=} when given; else the hints the manifest kept for the type, plus the type's own words. */
    private List<String> queryTerms(String agentId, String type, @Nullable String query) {
        if (query != null && !query.isBlank()) {
            return LexicalSearch.terms(List.of(query));
        }
        ManifestEntry entry = repository.manifest(agentId).documents().get(type);
        if (entry == null) {
            return List.of();
        }
        List<String> texts = new ArrayList<>(entry.q());
        texts.addAll(Arrays.asList(type.split("\\.")));
        return LexicalSearch.terms(texts);
    }

    private boolean sameJson(@Nullable JsonNode a, @Nullable JsonNode b) {
        return a != null && b != null && Arrays.equals(canonical.canonicalBytes(a), canonical.canonicalBytes(b));
    }

    private ContextRead served(ContextSourceKind source, boolean stale, @Nullable DocumentProblem reason,
            ContextEnvelope envelope, boolean full) {
        return new ContextRead(source, stale, reason, codec.toNode(envelope, full));
    }

    private static GovflowException notFound(@Nullable DocumentProblem problem) {
        if (problem == null || problem == DocumentProblem.MISSING) {
            return new GovflowException(ErrorCode.CONTEXT_NOT_FOUND);
        }
        return GovflowException.withDetails(ErrorCode.CONTEXT_NOT_FOUND, Map.of("problem", problem.code()));
    }
}
