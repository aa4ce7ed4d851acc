package io.govflow.flow.context;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.govflow.store.context.ContextEnvelope;
import io.govflow.store.context.ManifestEntry.Related;
import io.govflow.store.io.Timestamps;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Fallback 2 of the read pipeline: a lexical search over everything the {@link SearchCorpus}s hold for the tenant
 * (its own other documents, the knowledge graph's discoveries), answered as a synthesized document
 * ({@code src: govflow.semantic}, never stored): {@code s} lists the hits, each with its {@code kind}
 * ({@code context} or {@code discovery}) and {@code ref} (document type or discovery id), and {@code sources}, the
 * kinds that answered; {@code d} adds each hit's own summary.
 */
@Component
class SemanticFallback {

    static final int HITS = 5;
    static final String SOURCE = "govflow.semantic";

    private final List<SearchCorpus> corpora;
    private final EnvelopeFactory envelopes;
    private final Clock clock;

    SemanticFallback(List<SearchCorpus> corpora, EnvelopeFactory envelopes, Clock clock) {
        this.corpora = corpora;
        this.envelopes = envelopes;
        this.clock = clock;
    }

    Optional<ContextEnvelope> answer(String agentId, String type, List<String> terms) {
        if (terms.isEmpty()) {
            return Optional.empty();
        }
        List<SearchCorpus.Item> items = new ArrayList<>();
        corpora.forEach(corpus -> items.addAll(corpus.items(agentId, type, terms)));
        List<LexicalSearch.Hit> hits = LexicalSearch.search(terms, items, HITS);
        if (hits.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode d = JsonBits.object();
        ObjectNode s = JsonBits.object();
        terms.forEach(d.putArray("query")::add);
        terms.forEach(s.putArray("query")::add);
        s.put("hit_count", hits.size());
        ArrayNode sources = s.putArray("sources");
        hits.stream().map(hit -> hit.item().kind()).distinct().forEach(sources::add);
        d.set("sources", sources.deepCopy());
        ArrayNode fullHits = d.putArray("hits");
        ArrayNode briefHits = s.putArray("hits");
        List<Related> related = new ArrayList<>();
        for (LexicalSearch.Hit hit : hits) {
            ObjectNode brief = briefHits.addObject().put("kind", hit.item().kind()).put("ref", hit.item().ref())
                    .put("score", hit.score());
            hit.matched().forEach(brief.putArray("matched")::add);
            ObjectNode full = brief.deepCopy();
            full.put("ts", hit.item().ts());
            full.set("s", hit.item().summary());
            fullHits.add(full);
            if ("context".equals(hit.item().kind())) {
                related.add(new Related(hit.item().ref(), "semantic_match"));
            }
        }
        TypeProfile profile = ContextTypes.serviceMaintained(type) ? TypeProfile.service(type, List.of())
                : TypeProfile.of(type);
        Draft draft = new Draft(agentId, type, Timestamps.now(clock), SOURCE, profile, d, s, terms, 0,
                JsonBits.NODES.arrayNode(), false, 0, related);
        return Optional.of(envelopes.build(draft));
    }
}
