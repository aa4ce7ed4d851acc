package io.govflow.flow.knowledge;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.govflow.error.ErrorCode;
import io.govflow.error.GovflowException;
import io.govflow.flow.context.SearchCorpus;
import io.govflow.store.knowledge.Discovery;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The knowledge graph as a corpus of the context fallback: the best {@value #CANDIDATES} discoveries of the graph's
 * own ranked search (BM25) for the terms, archived ones left out. Discoveries are governance data every credential
 * may read, so any agent's may answer a tenant's query. A damaged graph answers nothing here (the read of the
 * context document goes on with the other corpora).
 */
@Component
class DiscoveryCorpus implements SearchCorpus {

    static final String KIND = "discovery";
    static final int CANDIDATES = 20;
    private static final Logger LOG = LoggerFactory.getLogger(DiscoveryCorpus.class);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final KnowledgeService knowledge;

    DiscoveryCorpus(KnowledgeService knowledge) {
        this.knowledge = knowledge;
    }

    @Override
    public List<Item> items(String agentId, String excludedType, List<String> terms) {
        String q = query(terms);
        if (q.isEmpty()) {
            return List.of();
        }
        List<Discovery> ranked;
        try {
            ranked = knowledge.search(new DiscoveryQuery(null, List.of(), null, null, null, q, CANDIDATES * 2));
        } catch (GovflowException e) {
            if (e.code() != ErrorCode.STATE_CORRUPT) {
                throw e;
            }
            LOG.warn("Context fallback without discoveries: the knowledge graph is damaged");
            return List.of();
        }
        return ranked.stream().filter(d -> !"archived".equals(d.status())).limit(CANDIDATES).map(d -> item(d, agentId))
                .toList();
    }

    /** Another agent's discovery is its free text, marked as untrusted third-party text for the reader. */
    private Item item(Discovery d, String reader) {
        List<String> hints = new ArrayList<>();
        hints.add(d.type());
        hints.addAll(d.tags());
        ObjectNode summary = NODES.objectNode();
        summary.put("summary", d.summary());
        summary.put("type", d.type());
        summary.put("severity", d.severity());
        summary.put("status", d.status());
        summary.put("agent_id", d.agentId());
        if (!reader.equals(d.agentId())) {
            summary.put(KnowledgeContextSource.TRUST, KnowledgeContextSource.UNTRUSTED);
        }
        d.tags().forEach(summary.putArray("tags")::add);
        ObjectNode data = NODES.objectNode();
        data.put("details", d.details());
        return new Item(KIND, d.id(), d.timestamp(), hints, summary, data);
    }

    /** The terms as one query within the graph's query limit (whole terms only). */
    static String query(List<String> terms) {
        StringBuilder q = new StringBuilder();
        for (String term : terms) {
            int length = q.length() + (q.isEmpty() ? 0 : 1) + term.length();
            if (length > DiscoveryRules.MAX_QUERY) {
                continue;
            }
            if (!q.isEmpty()) {
                q.append(' ');
            }
            q.append(term);
        }
        return q.toString();
    }
}
