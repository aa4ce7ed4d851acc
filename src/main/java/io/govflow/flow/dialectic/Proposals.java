package io.govflow.flow.dialectic;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import io.govflow.store.dialectic.DialecticMessage;
import io.govflow.store.dialectic.DialecticSession;

/**
 * The negotiation rules (reference facts): when the two sides have converged, how their last agreeing proposals
 * merge, and when two conditions conflict.
 */
final class Proposals {

    /** The merged proposal both sides signed. */
    record Merged(List<String> conditions, String rootCause, String reasoning) {
    }

    /** The two sides' latest synthesis messages, when both exist among the last {@value #RECENT} entries. */
    record LatestPair(DialecticMessage fromPaused, DialecticMessage fromReviewer) {
    }

    static final int RECENT = 6;
    static final double CONDITIONS_JACCARD = 0.5;
    static final double ROOT_CAUSE_JACCARD = 0.3;
    private static final String[][] OPPOSITES = { { "increase", "decrease" }, { "enable", "disable" },
            { "allow", "forbid" }, { "raise", "lower" }, { "max", "min" } };
    private static final Set<String> IGNORED_WORDS = Set.of("to", "the", "a", "an", "is", "are", "be", "set");
    private static final Pattern NUMBER = Pattern.compile("\\d+\\.?\\d*");
    private static final Pattern WORD = Pattern.compile("\\b[a-z]+\\b");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private Proposals() {
    }

    /**
     * Converged: among the synthesis messages of the last six transcript entries, the latest of each side agrees;
     * when both proposed conditions, the condition sets have Jaccard ≥ 0.5; when both named a root cause, their
     * lower-cased word sets have Jaccard ≥ 0.3.
     */
    static boolean converged(DialecticSession session) {
        LatestPair pair = latestSyntheses(session);
        if (pair == null || !pair.fromPaused().agreed() || !pair.fromReviewer().agreed()) {
            return false;
        }
        List<String> a = pair.fromPaused().conditions();
        List<String> b = pair.fromReviewer().conditions();
        if (!a.isEmpty() && !b.isEmpty() && jaccard(normalized(a), normalized(b)) < CONDITIONS_JACCARD) {
            return false;
        }
        String causeA = Objects.requireNonNullElse(pair.fromPaused().rootCause(), "").toLowerCase(Locale.ROOT);
        String causeB = Objects.requireNonNullElse(pair.fromReviewer().rootCause(), "").toLowerCase(Locale.ROOT);
        if (!causeA.isBlank() && !causeB.isBlank()) {
            return jaccard(words(causeA), words(causeB)) >= ROOT_CAUSE_JACCARD;
        }
        return true;
    }

    static @Nullable LatestPair latestSyntheses(DialecticSession session) {
        List<DialecticMessage> transcript = session.transcript();
        DialecticMessage a = null;
        DialecticMessage b = null;
        for (DialecticMessage m : transcript.subList(Math.max(0, transcript.size() - RECENT), transcript.size())) {
            if (!DialecticSession.SYNTHESIS.equals(m.phase())) {
                continue;
            }
            if (m.agentId().equals(session.pausedAgentId())) {
                a = m;
            } else if (m.agentId().equals(session.reviewerAgentId())) {
                b = m;
            }
        }
        return a == null || b == null ? null : new LatestPair(a, b);
    }

    /** Conditions both proposed, then A's other conditions, then B's, each kept only if it conflicts with none kept. */
    static Merged merge(DialecticMessage a, DialecticMessage b) {
        Set<String> fromA = new LinkedHashSet<>(a.conditions());
        Set<String> fromB = new LinkedHashSet<>(b.conditions());
        List<String> merged = new ArrayList<>();
        fromA.stream().filter(fromB::contains).forEach(merged::add);
        addNonConflicting(merged, fromA, fromB);
        addNonConflicting(merged, fromB, fromA);
        return new Merged(List.copyOf(merged), mergeRootCauses(a.rootCause(), b.rootCause()),
                mergeReasoning(a.reasoning(), b.reasoning()));
    }

    /** Opposite words (increase/decrease, …) in the two, or the same subject (> 2 shared words) with other numbers. */
    static boolean conflict(String first, String second) {
        String one = first.toLowerCase(Locale.ROOT);
        String two = second.toLowerCase(Locale.ROOT);
        for (String[] pair : OPPOSITES) {
            if (one.contains(pair[0]) && two.contains(pair[1]) || one.contains(pair[1]) && two.contains(pair[0])) {
                return true;
            }
        }
        List<String> numbersOne = all(NUMBER, first);
        List<String> numbersTwo = all(NUMBER, second);
        if (numbersOne.isEmpty() || numbersTwo.isEmpty()) {
            return false;
        }
        Set<String> shared = new HashSet<>(all(WORD, one));
        shared.removeAll(IGNORED_WORDS);
        shared.retainAll(new HashSet<>(all(WORD, two)));
        return shared.size() > 2 && !numbersOne.equals(numbersTwo);
    }

    private static void addNonConflicting(List<String> merged, Set<String> own, Set<String> other) {
        for (String condition : own) {
            if (!other.contains(condition) && merged.stream().noneMatch(kept -> conflict(condition, kept))) {
                merged.add(condition);
            }
        }
    }

    private static String mergeRootCauses(@Nullable String a, @Nullable String b) {
        String one = Objects.requireNonNullElse(a, "");
        String two = Objects.requireNonNullElse(b, "");
        if (!one.isEmpty() && !two.isEmpty()) {
            return one.equalsIgnoreCase(two) ? one : one + " (also: " + two + ")";
        }
        return one.isEmpty() ? two : one;
    }

    private static String mergeReasoning(@Nullable String a, @Nullable String b) {
        String one = Objects.requireNonNullElse(a, "");
        String two = Objects.requireNonNullElse(b, "");
        if (!one.isEmpty() && !two.isEmpty()) {
            return "Agent A: " + one + "\nAgent B: " + two;
        }
        return one.isEmpty() ? two : one;
    }

    private static Set<String> normalized(List<String> conditions) {
        Set<String> out = new HashSet<>();
        conditions.forEach(c -> out.add(c.strip().toLowerCase(Locale.ROOT)));
        return out;
    }

    private static Set<String> words(String text) {
        Set<String> out = new HashSet<>();
        for (String w : WHITESPACE.split(text.strip())) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }

    private static double jaccard(Set<String> a, Set<String> b) {
        Set<String> union = new HashSet<>(a);
        union.addAll(b);
        if (union.isEmpty()) {
            return 0.0;
        }
        Set<String> common = new HashSet<>(a);
        common.retainAll(b);
        return (double) common.size() / union.size();
    }

    private static List<String> all(Pattern pattern, String text) {
        List<String> out = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }
}
