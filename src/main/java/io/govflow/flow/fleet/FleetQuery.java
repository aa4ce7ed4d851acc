package io.govflow.flow.fleet;

import java.util.Comparator;
import java.util.Locale;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/** A fleet listing request: filters, order and page (validated by the caller). */
public record FleetQuery(@Nullable String status, @Nullable String tag, Sort sort, boolean descending, int page,
        int size) {

    public static final int MAX_SIZE = 500;

    /** The orders the listing offers; an agent without the value sorts last either way, ties by agent id. */
    public enum Sort {
        AGENT_ID(FleetRow::agentId),
        STATUS(FleetRow::status),
        LAST_UPDATE(FleetRow::lastUpdate),
        ATTENTION_SCORE(FleetRow::attentionScore),
        COHERENCE(FleetRow::coherence);

        public static final String WORDS = "agent_id|status|last_update|attention_score|coherence";

        private final Function<FleetRow, ? extends @Nullable Comparable<?>> key;

        Sort(Function<FleetRow, ? extends @Nullable Comparable<?>> key) {
            this.key = key;
        }

        public static Sort of(String word) {
            return valueOf(word.toUpperCase(Locale.ROOT));
        }

        @SuppressWarnings({ "unchecked", "rawtypes" })
        Comparator<FleetRow> comparator(boolean descending) {
            Comparator<Comparable> natural = descending ? Comparator.reverseOrder() : Comparator.naturalOrder();
            Comparator<FleetRow> byValue = Comparator.comparing(row -> (Comparable) key.apply(row),
                    Comparator.nullsLast(natural));
            return byValue.thenComparing(FleetRow::agentId);
        }
    }
}
