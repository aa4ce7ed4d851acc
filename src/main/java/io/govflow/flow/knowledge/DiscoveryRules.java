package io.govflow.flow.knowledge;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.govflow.error.ErrorCode;
import io.govflow.error.GovflowException;

/** What a discovery may hold: the allowed types, severities and statuses, the size limits, tag normalization. */
public final class DiscoveryRules {

    public static final List<String> TYPES = List.of("bug_found", "insight", "pattern", "improvement", "question",
            "dialectic_synthesis");
    public static final List<String> SEVERITIES = List.of("low", "medium", "high", "critical");
    public static final List<String> STATUSES = List.of("open", "resolved", "archived", "disputed");

    /** Regexes of the same lists, for request validation. */
    public static final String TYPE_PATTERN = "bug_found|insight|pattern|improvement|question|dialectic_synthesis";
    public static final String SEVERITY_PATTERN = "low|medium|high|critical";
    public static final String STATUS_PATTERN = "open|resolved|archived|disputed";

    public static final int MAX_SUMMARY = 500;
    public static final int MAX_DETAILS = 20_000;
    public static final int MAX_TAGS = 20;
    public static final int MAX_TAG_LENGTH = 50;
    public static final int MAX_FILES = 50;
    public static final int MAX_FILE_LENGTH = 500;
    public static final int MAX_NOTE = 2_000;
    public static final int MAX_LIMIT = 100;
    public static final int MAX_QUERY = 500;

    private DiscoveryRules() {
    }

    public static String requireType(String type) {
        return requireOneOf("type", type, TYPES);
    }

    public static @Nullable String requireSeverity(@Nullable String severity) {
        return severity == null ? null : requireOneOf("severity", severity, SEVERITIES);
    }

    public static String requireStatus(String status) {
        return requireOneOf("status", status, STATUSES);
    }

    /** Trimmed, lower-case, duplicates dropped (first kept); blank, too long or too many tags are refused. */
    public static List<String> normalizeTags(String field, List<String> tags) {
        Set<String> out = new LinkedHashSet<>();
        for (String tag : tags) {
            String normalized = tag.strip().toLowerCase(Locale.ROOT);
            if (normalized.isEmpty()) {
                throw invalid(field, "tags must not be blank");
            }
            if (normalized.length() > MAX_TAG_LENGTH) {
                throw invalid(field, "each tag has at most " + MAX_TAG_LENGTH + " characters");
            }
            out.add(normalized);
        }
        if (out.size() > MAX_TAGS) {
            throw invalid(field, "at most " + MAX_TAGS + " tags");
        }
        return new ArrayList<>(out);
    }

    public static String requireText(String field, @Nullable String value, int max, boolean required) {
        String text = value == null ? "" : value;
        if (required && text.isBlank()) {
            throw invalid(field, "must not be blank");
        }
        if (text.length() > max) {
            throw invalid(field, "at most " + max + " characters");
        }
        return text;
    }

    public static int limit(@Nullable Integer limit, int fallback) {
        if (limit == null) {
            return fallback;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw invalid("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return limit;
    }

    static GovflowException invalid(String field, String problem) {
        return GovflowException.withDetails(ErrorCode.VALIDATION_FAILED,
                Map.of("fields", List.of(Map.of("field", field, "problem", problem))));
    }

    private static String requireOneOf(String field, String value, List<String> allowed) {
        if (!allowed.contains(value)) {
            throw invalid(field, "must be one of " + String.join(", ", allowed));
        }
        return value;
    }
}
