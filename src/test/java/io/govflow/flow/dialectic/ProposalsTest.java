package io.govflow.flow.dialectic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.govflow.store.dialectic.DialecticMessage;
import io.govflow.store.dialectic.DialecticSession;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

class ProposalsTest {

    private static DialecticMessage synthesis(String agent, boolean agrees, @Nullable String cause,
            List<String> conditions) {
        return new DialecticMessage("synthesis", agent, "2025-12-01T10:00:00.000000", cause, null, conditions,
                "because " + agent, JsonNodeFactory.instance.booleanNode(agrees), null, Map.of());
    }

    private static DialecticSession session(DialecticMessage... syntheses) {
        List<DialecticMessage> transcript = new ArrayList<>();
        transcript.add(new DialecticMessage("thesis", "paused_a", "2025-12-01T09:00:00.000000", "x", null,
                List.of(), "t", null, null, Map.of()));
        transcript.add(new DialecticMessage("antithesis", "reviewer_b", "2025-12-01T09:10:00.000000", null, null,
                null, "a", null, List.of(), Map.of()));
        transcript.addAll(List.of(syntheses));
        return new DialecticSession("0123456789abcdef", "paused_a", "reviewer_b", "synthesis", 1, 5, transcript,
                null, "2025-12-01T09:00:00.000000", null, null, null, null, Map.of());
    }

    @Test
    void convergesWhenBothLatestAgreeOnSimilarConditionsAndCauses() {
        List<String> conditions = List.of("Verify tool output", "Reduce complexity");
        assertThat(Proposals.converged(session(
                synthesis("paused_a", true, "Stale tool output", conditions),
                synthesis("reviewer_b", true, "stale tool output caused drift", List.of("Verify tool output")))))
                .isTrue();
    }

    @Test
    void doesNotConvergeOnDisagreementOrDifferentProposals() {
        List<String> conditions = List.of("Verify tool output");
        assertThat(Proposals.converged(session(synthesis("paused_a", true, null, conditions),
                synthesis("reviewer_b", false, null, conditions)))).isFalse();
        assertThat(Proposals.converged(session(synthesis("paused_a", true, null, conditions),
                synthesis("reviewer_b", true, null, List.of("Something else", "And more"))))).isFalse();
        assertThat(Proposals.converged(session(synthesis("paused_a", true, "network outage", conditions),
                synthesis("reviewer_b", true, "bad prompt design", conditions)))).isFalse();
        assertThat(Proposals.converged(session(synthesis("paused_a", true, null, conditions)))).isFalse();
    }

    @Test
    void mergeKeepsSharedThenNonConflictingExtrasAndCombinesCauses() {
        Proposals.Merged merged = Proposals.merge(
                synthesis("paused_a", true, "Stale output", List.of("Verify tool output", "Increase review depth",
                        "Set review interval to 5 updates")),
                synthesis("reviewer_b", true, "Tool drift", List.of("Verify tool output", "Decrease batch size",
                        "Set review interval to 3 updates", "Log every decision")));
        assertThat(merged.conditions()).containsExactly("Verify tool output", "Increase review depth",
                "Set review interval to 5 updates", "Log every decision");
        assertThat(merged.rootCause()).isEqualTo("Stale output (also: Tool drift)");
        assertThat(merged.reasoning()).isEqualTo("Agent A: because paused_a\nAgent B: because reviewer_b");
    }

    @Test
    void conflictsAreOppositesOrOtherNumbersForTheSameSubject() {
        assertThat(Proposals.conflict("Enable verbose logs", "Disable verbose logs")).isTrue();
        assertThat(Proposals.conflict("max 3 retries per task", "allow 5 retries per task")).isTrue();
        assertThat(Proposals.conflict("Set review interval to 5 updates", "Set review interval to 3 updates"))
                .isTrue();
        assertThat(Proposals.conflict("Review every 5 updates", "Log every 5 decisions")).isFalse();
        assertThat(Proposals.conflict("Verify tool output", "Log every decision")).isFalse();
    }
}
