package io.govflow.flow.history;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.govflow.error.ErrorCode;
import io.govflow.error.GovflowException;
import org.jspecify.annotations.Nullable;

/**
 * What a history chart shows: its metrics, in the order asked, and how many of the last log lines it reads.
 *
 * @param metrics distinct, at least one
 * @param last    1..{@link #MAX_LAST}
 */
public record ChartQuery(List<ChartMetric> metrics, int last) {

    public static final int MAX_LAST = 10_000;
    public static final int DEFAULT_LAST = 1000;
    public static final String DEFAULT_METRICS = "E,I,S,V";
    /** Longer than every metric named once, comma-separated; anything longer is refused before it is split. */
    public static final int MAX_METRICS_LENGTH = 128;
    private static final Pattern LAST = Pattern.compile("[0-9]{1,5}");

    public ChartQuery {
        metrics = List.copyOf(metrics);
    }

    /**
     * Parses {@code metrics} (comma-separated names) and {@code last} (decimal digits); null: the default.
     * Anything else is {@code VALIDATION_FAILED}, whose details never echo the value.
     */
    public static ChartQuery parse(@Nullable String metrics, @Nullable String last) {
        return new ChartQuery(metrics(metrics == null ? DEFAULT_METRICS : metrics),
                last == null ? DEFAULT_LAST : last(last));
    }

    /** Plain decimal digits only: no sign, blank, fraction, exponent or hex, however a number parser reads them. */
    private static int last(String text) {
        if (!LAST.matcher(text).matches()) {
            throw invalid("last", "must be a whole number between 1 and " + MAX_LAST);
        }
        int last = Integer.parseInt(text);
        if (last < 1 || last > MAX_LAST) {
            throw invalid("last", "must be a whole number between 1 and " + MAX_LAST);
        }
        return last;
    }

    private static List<ChartMetric> metrics(String text) {
        if (text.isBlank()) {
            throw invalid("metrics", "must name at least one metric");
        }
        if (text.length() > MAX_METRICS_LENGTH) {
            throw invalid("metrics", "is longer than " + MAX_METRICS_LENGTH + " characters");
        }
        String[] names = text.split(",", -1);
        if (names.length > ChartMetric.values().length) {
            throw invalid("metrics", "names more than the " + ChartMetric.values().length + " metrics there are");
        }
        Set<ChartMetric> chosen = new LinkedHashSet<>();
        for (String name : names) {
            ChartMetric metric = ChartMetric.parse(name.strip()).orElseThrow(() -> invalid("metrics",
                    "each must be one of " + supported()));
            if (!chosen.add(metric)) {
                throw invalid("metrics", "names a metric twice");
            }
        }
        return new ArrayList<>(chosen);
    }

    private static String supported() {
        List<String> names = new ArrayList<>();
        for (ChartMetric metric : ChartMetric.values()) {
            names.add(metric.wire());
        }
        return String.join(", ", names);
    }

    private static GovflowException invalid(String field, String problem) {
        return GovflowException.withDetails(ErrorCode.VALIDATION_FAILED,
                Map.of("fields", List.of(Map.of("field", field, "problem", problem))));
    }
}
