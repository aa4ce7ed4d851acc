package io.govflow.flow.context;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * The lexical scoring behind the semantic fallback. Text is split into lower-case word tokens; a query term
 * found in an item's hints scores {@value #HINT}, in its summary {@value #SUMMARY}, in its data {@value #DATA}
 * (the best place counts once per term). Data is read up to {@value #DATA_CHARS} characters.
 */
final class LexicalSearch {

    static final int HINT = 3;
    static final int SUMMARY = 2;
    static final int DATA = 1;
    static final int MAX_TERMS = 10;
    static final int DATA_CHARS = 64 * 1024;
    private static final Pattern SPLIT = Pattern.compile("[^\\p{L}\\p{N}]+");

    private LexicalSearch() {
    }

    /** A scored item with the query terms it matched. */
    record Hit(SearchCorpus.Item item, int score, List<String> matched) {
    }

    /** Distinct lower-case terms of at least two characters, at most {@value #MAX_TERMS}. */
    static List<String> terms(List<String> texts) {
        Set<String> terms = new LinkedHashSet<>();
        for (String text : texts) {
            for (String token : SPLIT.split(text.toLowerCase(Locale.ROOT))) {
                if (token.length() >= 2 && terms.size() < MAX_TERMS) {
                    terms.add(token);
                }
            }
        }
        return List.copyOf(terms);
    }

    static List<Hit> search(List<String> terms, List<SearchCorpus.Item> items, int limit) {
        List<Hit> hits = new ArrayList<>();
        for (SearchCorpus.Item item : items) {
            Set<String> hintTokens = tokens(String.join(" ", item.hints()), Integer.MAX_VALUE);
            Set<String> summaryTokens = tokens(item.summary(), Integer.MAX_VALUE);
            Set<String> dataTokens = tokens(item.data(), DATA_CHARS);
            int score = 0;
            List<String> matched = new ArrayList<>();
            for (String term : terms) {
                int best = hintTokens.contains(term) ? HINT : summaryTokens.contains(term) ? SUMMARY
                        : dataTokens.contains(term) ? DATA : 0;
                if (best > 0) {
                    score += best;
                    matched.add(term);
                }
            }
            if (score > 0) {
                hits.add(new Hit(item, score, matched));
            }
        }
        hits.sort(Comparator.comparingInt(Hit::score).reversed().thenComparing(hit -> hit.item().kind())
                .thenComparing(hit -> hit.item().ref()));
        return hits.subList(0, Math.min(limit, hits.size()));
    }

    private static Set<String> tokens(JsonNode node, int maxChars) {
        StringBuilder text = new StringBuilder();
        collect(node, text, maxChars);
        return tokens(text.toString(), maxChars);
    }

    private static void collect(JsonNode node, StringBuilder text, int maxChars) {
        if (text.length() >= maxChars) {
            return;
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> property : node.properties()) {
                text.append(property.getKey()).append(' ');
                collect(property.getValue(), text, maxChars);
            }
        } else if (node.isArray()) {
            node.forEach(item -> collect(item, text, maxChars));
        } else if (node.isString() || node.isNumber() || node.isBoolean()) {
            text.append(node.asString()).append(' ');
        }
    }

    private static Set<String> tokens(String text, int maxChars) {
        String bounded = text.length() > maxChars ? text.substring(0, maxChars) : text;
        Set<String> out = new LinkedHashSet<>();
        for (String token : SPLIT.split(bounded.toLowerCase(Locale.ROOT))) {
            if (!token.isEmpty()) {
                out.add(token);
            }
        }
        return out;
    }
}
