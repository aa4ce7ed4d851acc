package io.govflow.flow.dialectic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.govflow.config.GovflowProperties;
import io.govflow.flow.update.RecordedTimes;
import io.govflow.store.agent.AgentRecord;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class ReviewerSelectionTest {

    private static final Instant NOW = Instant.parse("2025-12-02T12:00:00Z");

    private final ReviewerSelection selection = new ReviewerSelection(null, new RecordedTimes(properties()), null);

    static GovflowProperties properties() {
        return new Binder(new MapConfigurationPropertySource(Map.of("govflow.data-dir", "unused")))
                .bindOrCreate("govflow", GovflowProperties.class);
    }

    private static AgentRecord agent(String id, List<String> tags, String lastUpdate) {
        return AgentRecord.newAgent(id, "2025-12-01T00:00:00.000000", null).withTags(tags).withLastUpdate(lastUpdate);
    }

    @Test
    void authorityUsesTheCandidatesOwnAttentionTagsAndFreshness() {
        AgentRecord requester = agent("paused_a", List.of("export", "csv"), "2025-12-02T11:00:00.000000");
        AgentRecord fresh = agent("reviewer_b", List.of("export"), "2025-12-02T11:00:00.000000");
        AgentRecord stale = agent("reviewer_c", List.of(), "2025-11-01T11:00:00.000000");

        double healthyRisk = 0.35;
        assertThat(selection.authority(requester, fresh, healthyRisk, NOW))
                .isCloseTo(0.40 * 0.5 + 0.30 * 0.5 + 0.20 * 0.5 + 0.10 * 1.0, within(1e-12));
        assertThat(selection.authority(requester, stale, null, NOW))
                .isCloseTo(0.40 * 0.5 + 0.30 * 0.5 + 0.20 * 0.5 + 0.10 * 0.5, within(1e-12));
        double risky = selection.authority(requester, fresh, 0.9, NOW);
        double healthy = selection.authority(requester, fresh, 0.1, NOW);
        assertThat(healthy).isGreaterThan(risky);
        AgentRecord untaggedRequester = agent("paused_d", List.of(), "2025-12-02T11:00:00.000000");
        assertThat(selection.authority(untaggedRequester, fresh, healthyRisk, NOW)
                - selection.authority(untaggedRequester, stale, healthyRisk, NOW))
                .isCloseTo(0.20 * (0.6 - 0.5) + 0.10 * 0.5, within(1e-12));
    }

    @Test
    void pickIsWeightedByScore() {
        List<String> ids = List.of("a_agent", "b_agent", "c_agent");
        List<Double> scores = List.of(0.2, 0.6, 0.2);
        assertThat(ReviewerSelection.pick(ids, scores, () -> 0.1)).contains("a_agent");
        assertThat(ReviewerSelection.pick(ids, scores, () -> 0.5)).contains("b_agent");
        assertThat(ReviewerSelection.pick(ids, scores, () -> 0.9)).contains("c_agent");
        assertThat(ReviewerSelection.pick(ids, List.of(0.0, 0.0, 0.0), () -> 0.5)).contains("b_agent");
        assertThat(ReviewerSelection.pick(List.of(), List.of(), () -> 0.5)).isEmpty();
    }
}
