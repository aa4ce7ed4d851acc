package io.govflow.flow.knowledge;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.govflow.store.knowledge.Discovery;

/**
 * Okapi BM25 over the text of discoveries (k1 = 1.2, b = 0.75). A discovery's document is its summary and tags,
 * each counted twice, and its details once. Tokens are lower-case runs of letters and digits of at least two
 * characters, minus a few English stop words. Deterministic: the same graph and query always rank the same way.
 */
final class LexicalIndex {

    private static final double K1 = 1.2;
    private static final double B = 0.75;
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Set<String> STOP_WORDS = Set.of("the", "and", "or", "of", "to", "in", "is", "it", "for",
            "on", "with", "as", "at", "by", "an", "be", "are", "was", "this", "that", "from", "not", "but");

    private final Map<String, Map<String, Integer>> termCounts = new HashMap<>();
    private final Map<String, Integer> lengths = new HashMap<>();
    private final Map<String, Integer> documentFrequency = new HashMap<>();
    private final double averageLength;

    LexicalIndex(Collection<Discovery> discoveries) {
        long total = 0;
        for (Discovery d : discoveries) {
            Map<String, Integer> counts = new HashMap<>();
            count(counts, d.summary(), 2);
            count(counts, String.join(" ", d.tags()), 2);
            count(counts, d.details(), 1);
            int length = counts.values().stream().mapToInt(Integer::intValue).sum();
            termCounts.put(d.id(), counts);
            lengths.put(d.id(), length);
            total += length;
            counts.keySet().forEach(term -> documentFrequency.merge(term, 1, Integer::sum));
        }
        averageLength = discoveries.isEmpty() ? 1.0 : Math.max(1.0, (double) total / discoveries.size());
    }

    /** The query's distinct terms; empty when it has none that can match. */
    static List<String> terms(String query) {
        return new ArrayList<>(new LinkedHashSet<>(tokens(query)));
    }

    /** BM25 score of one indexed discovery for the query terms; 0 when no term occurs. */
    double score(String discoveryId, List<String> queryTerms) {
        Map<String, Integer> counts = termCounts.get(discoveryId);
        if (counts == null) {
            return 0.0;
        }
        int documents = termCounts.size();
        double norm = K1 * (1 - B + B * lengths.get(discoveryId) / averageLength);
        double score = 0.0;
        for (String term : queryTerms) {
            Integer tf = counts.get(term);
            if (tf == null) {
                continue;
            }
            int df = documentFrequency.get(term);
            double idf = Math.log(1 + (documents - df + 0.5) / (df + 0.5));
            score += idf * tf * (K1 + 1) / (tf + norm);
        }
        return score;
    }

    private static void count(Map<String, Integer> counts, String text, int weight) {
        for (String token : tokens(text)) {
            counts.merge(token, weight, Integer::sum);
        }
    }

    private static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        for (String raw : SEPARATORS.split(text.toLowerCase(Locale.ROOT))) {
            if (raw.length() >= 2 && !STOP_WORDS.contains(raw)) {
                out.add(raw);
            }
        }
        return out;
    }
}
