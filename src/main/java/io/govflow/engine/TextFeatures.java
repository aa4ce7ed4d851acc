package io.govflow.engine;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the text heuristics look at in a response text. Lengths and offsets count code points, and word
 * boundaries are Unicode-aware, so non-ASCII text is measured the same way as in the reference.
 */
final class TextFeatures {

    private static final String FENCE = "```";
    private static final int FLAGS = Pattern.UNICODE_CHARACTER_CLASS | Pattern.UNICODE_CASE;
    private static final Pattern CODE_WORD = Pattern.compile("\\b(def|class|import|from|async|await)\\b", FLAGS);
    private static final Pattern TOOL_WORD = Pattern.compile("\\b(tool_call|function_call)\\b", FLAGS);
    private static final Pattern TECHNICAL_TERM = Pattern.compile(
            "\\b(algorithm|function|import|async|await|recursive|optimization|optimize|refactor|architecture)\\b", FLAGS);
    private static final Pattern FILE_WORD = Pattern.compile("\\bfile\\b", FLAGS);
    private static final Pattern PATH_WORD = Pattern.compile("\\bpath\\b", FLAGS);
    private static final int MANY_REFERENCES = 2;

    private static final List<String> BLOCKLIST = List.of(
            "ignore previous", "system prompt", "jailbreak", "sudo", "rm -rf",
            "drop table", "script>", "violate", "bypass", "override safety");
    private static final List<String> MITIGATING_CONTEXT = List.of(
            "don't", "shouldn't", "avoid", "never", "explain", "example", "note:", "warning");
    private static final int CONTEXT_RADIUS = 20;

    private final String text;
    private final String lower;

    TextFeatures(String text) {
        this.text = text;
        this.lower = text.toLowerCase(Locale.ROOT);
    }

    int length() {
        return text.codePointCount(0, text.length());
    }

    /** Occurrences of a triple back-tick: fences, not blocks (one fenced block has two). */
    int fenceCount() {
        int count = 0;
        for (int at = text.indexOf(FENCE); at >= 0; at = text.indexOf(FENCE, at + FENCE.length())) {
            count++;
        }
        return count;
    }

    /** Code for the complexity estimate: a fence, or a code keyword as a whole word. */
    boolean containsCode() {
        return fenceCount() > 0 || CODE_WORD.matcher(lower).find();
    }

    /** Code for the length part of the traditional risk: a fence, or "def " anywhere. */
    boolean looksLikeCode() {
        return text.contains(FENCE) || lower.contains("def ");
    }

    boolean mentionsTools() {
        return TOOL_WORD.matcher(lower).find();
    }

    boolean mentionsTechnicalTerm() {
        return TECHNICAL_TERM.matcher(lower).find();
    }

    boolean referencesManyFiles() {
        return count(FILE_WORD) > MANY_REFERENCES || count(PATH_WORD) > MANY_REFERENCES;
    }

    /**
     * Blocklisted phrases present, each counted once; a phrase whose first occurrence has a mitigating word
     * (negation, explanation, example, warning) within 20 characters on either side is not counted.
     */
    int blocklistHits() {
        int hits = 0;
        for (String phrase : BLOCKLIST) {
            int at = lower.indexOf(phrase);
            if (at >= 0 && !hasMitigatingContext(at, phrase.length())) {
                hits++;
            }
        }
        return hits;
    }

    private boolean hasMitigatingContext(int at, int phraseLength) {
        String context = lower.substring(shift(at, -CONTEXT_RADIUS), shift(at + phraseLength, CONTEXT_RADIUS));
        return MITIGATING_CONTEXT.stream().anyMatch(context::contains);
    }

    /** The char index {@code codePoints} code points away from {@code index}, stopping at either end. */
    private int shift(int index, int codePoints) {
        int available = codePoints < 0 ? lower.codePointCount(0, index) : lower.codePointCount(index, lower.length());
        int steps = codePoints < 0 ? -Math.min(-codePoints, available) : Math.min(codePoints, available);
        return lower.offsetByCodePoints(index, steps);
    }

    private int count(Pattern pattern) {
        Matcher matcher = pattern.matcher(lower);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }
}
