package io.govflow.flow.dialectic;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The limits no resolution may break, whatever both agents agreed. The patterns are the reference's (matched
 * against the conditions joined by spaces, lower-cased); the checks run in the reference's order and the first
 * violation is reported.
 *
 * <p>One deliberate fix: the coherence patterns end in a greedy {@code .*([0-9.]+)}, which captures only the last
 * digit of a number ("coherence threshold 0.45" would read 5). The value checked is the whole number that ends
 * where the capture ends.
 */
final class HardLimits {

    /** A broken limit: which rule and why (our wording). */
    record Violation(String rule, String reason) {
    }

    private record Forbidden(Pattern pattern, String reason) {
    }

    private static final List<Forbidden> FORBIDDEN = List.of(
            forbidden("disable.*governance", "a condition disables governance"),
            forbidden("bypass.*safety", "a condition bypasses safety checks"),
            forbidden("remove.*monitor", "a condition removes monitoring"),
            forbidden("unlimited.*risk", "a condition allows unlimited risk"),
            forbidden("skip.*check", "a condition skips checks"),
            forbidden("ignore.*threshold", "a condition ignores thresholds"),
            forbidden("disable.*circuit.*breaker", "a condition disables the circuit breaker"),
            forbidden("remove.*limit", "a condition removes limits"));
    private static final Pattern RISK_THRESHOLD = Pattern.compile("risk.*?threshold.*?([0-9]\\.[0-9]+)",
            Pattern.CASE_INSENSITIVE);
    private static final List<Pattern> COHERENCE_THRESHOLD = List.of(
            Pattern.compile("coherence.*threshold.*([0-9.]+)"),
            Pattern.compile("coherence.*<.*([0-9.]+)"),
            Pattern.compile("coherence.*=.*([0-9.]+)"));
    private static final List<Pattern> VAGUE = List.of(Pattern.compile("^maybe"), Pattern.compile("^perhaps"),
            Pattern.compile("^try"), Pattern.compile("^consider"));
    static final double MAX_RISK_THRESHOLD = 0.90;
    static final double MIN_COHERENCE_THRESHOLD = 0.1;
    static final double MAX_COHERENCE_THRESHOLD = 1.0;
    static final int MIN_ROOT_CAUSE = 10;

    private HardLimits() {
    }

    /** Every check: content of the conditions, then their form (present, not vague) and a meaningful root cause. */
    static Optional<Violation> check(List<String> conditions, String rootCause) {
        Optional<Violation> content = checkContent(conditions);
        if (content.isPresent()) {
            return content;
        }
        if (conditions.isEmpty()) {
            return Optional.of(new Violation("conditions_required", "a resolution needs at least one condition"));
        }
        for (String condition : conditions) {
            String lower = condition.toLowerCase(Locale.ROOT);
            if (VAGUE.stream().anyMatch(p -> p.matcher(lower).lookingAt())) {
                return Optional.of(new Violation("vague_condition",
                        "a condition starts with maybe, perhaps, try or consider"));
            }
        }
        if (rootCause.strip().length() < MIN_ROOT_CAUSE) {
            return Optional.of(new Violation("root_cause_required",
                    "the root cause needs at least " + MIN_ROOT_CAUSE + " characters"));
        }
        return Optional.empty();
    }

    /** Only what the conditions say: forbidden operations and out-of-range thresholds. */
    static Optional<Violation> checkContent(List<String> conditions) {
        String joined = String.join(" ", conditions).toLowerCase(Locale.ROOT);
        for (Forbidden f : FORBIDDEN) {
            if (f.pattern().matcher(joined).find()) {
                return Optional.of(new Violation("forbidden_operation", f.reason()));
            }
        }
        Matcher risk = RISK_THRESHOLD.matcher(joined);
        while (risk.find()) {
            double value = Double.parseDouble(risk.group(1));
            if (value >= 0.0 && value <= 1.0 && value > MAX_RISK_THRESHOLD) {
                return Optional.of(new Violation("risk_threshold",
                        "a risk threshold above " + MAX_RISK_THRESHOLD + " is not allowed"));
            }
        }
        for (Pattern pattern : COHERENCE_THRESHOLD) {
            Matcher coherence = pattern.matcher(joined);
            while (coherence.find()) {
                Double value = wholeNumberEndingAt(joined, coherence.end(1));
                if (value != null && (value < MIN_COHERENCE_THRESHOLD || value > MAX_COHERENCE_THRESHOLD)) {
                    return Optional.of(new Violation("coherence_threshold", "a coherence threshold must be between "
                            + MIN_COHERENCE_THRESHOLD + " and " + MAX_COHERENCE_THRESHOLD));
                }
            }
        }
        return Optional.empty();
    }

    private static @Nullable Double wholeNumberEndingAt(String text, int end) {
        int start = end;
        while (start > 0 && (Character.isDigit(text.charAt(start - 1)) || text.charAt(start - 1) == '.')) {
            start--;
        }
        try {
            return Double.valueOf(text.substring(start, end));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Forbidden forbidden(String regex, String reason) {
        return new Forbidden(Pattern.compile(regex), reason);
    }
}
