package io.govflow.flow.migration;

import java.util.List;

import io.govflow.store.check.Problem;
import org.jspecify.annotations.Nullable;

/** The findings about one agent; {@code status} is null when the agent has no metadata record (an orphan). */
public record AgentFinding(String agentId, @Nullable String status, List<Problem> problems) {

    public AgentFinding {
        problems = List.copyOf(problems);
    }
}
