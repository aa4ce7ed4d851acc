package io.govflow.web.fleet;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.govflow.flow.fleet.Anomaly;
import io.govflow.flow.fleet.FleetAnomalies;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** {@code GET /api/v1/fleet/anomalies}. */
@JsonPropertyOrder({ "success", "generated_at", "window", "sigma", "anomalies" })
public record FleetAnomaliesResponse(boolean success, String generatedAt,
        @Schema(description = "Recent updates kept per agent (govflow.fleet.window)") int window,
        @Schema(description = "Standard deviations from the agent's own recent mean that make a deviation")
        double sigma,
        @Schema(description = "Most severe first") List<Item> anomalies) {

    /** One anomaly; the numbers of the other kind are left out. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({ "agent_id", "kind", "seq", "summary", "severity", "latest", "mean", "stddev", "z",
            "recent_pause_share", "earlier_pause_share", "recent", "earlier" })
    public record Item(String agentId,
            @Schema(allowableValues = { Anomaly.ATTENTION_DEVIATION, Anomaly.COHERENCE_DEVIATION,
                    Anomaly.DECISION_PATTERN }) String kind,
            @Schema(description = "The agent's latest update") long seq,
            String summary,
            @Schema(description = "|z| / 3 for a deviation, |share change| / 0.5 for a decision pattern")
            double severity,
            @Nullable Double latest, @Nullable Double mean,
            @Schema(description = "The baseline's own standard deviation (z divides by at least 0.02)")
            @Nullable Double stddev,
            @Nullable Double z,
            @Schema(description = "Share of pause decisions in the last 10 updates") @Nullable Double recentPauseShare,
            @Schema(description = "Share of pause decisions in up to 40 updates before them")
            @Nullable Double earlierPauseShare,
            @Nullable Integer recent, @Nullable Integer earlier) {

        static Item of(Anomaly a) {
            return new Item(a.agentId(), a.kind(), a.seq(), a.summary(), a.severity(), a.latest(), a.mean(),
                    a.stddev(), a.z(), a.recentPauseShare(), a.earlierPauseShare(), a.recent(), a.earlier());
        }
    }

    static FleetAnomaliesResponse of(FleetAnomalies a) {
        return new FleetAnomaliesResponse(true, a.generatedAt().toString(), a.window(), a.sigma(),
                a.anomalies().stream().map(Item::of).toList());
    }
}
