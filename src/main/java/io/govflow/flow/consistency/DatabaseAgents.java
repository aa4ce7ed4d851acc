package io.govflow.flow.consistency;

import java.util.SortedSet;
import java.util.TreeSet;

import io.govflow.store.postgres.PostgresStateStore;
import io.govflow.store.postgres.PostgresUpdateLog;

/**
 * The agents' data in PostgreSQL as the consistency check sees it: which agents have log or state rows (an agent
 * with rows but no metadata record is an orphan, as a file without a record is). Each log's shape is the store's
 * own {@link io.govflow.store.agent.UpdateLogStore#scan}, which reads every row and checks the head against them.
 */
final class DatabaseAgents {

    private final PostgresUpdateLog logs;
    private final PostgresStateStore states;

    DatabaseAgents(PostgresUpdateLog logs, PostgresStateStore states) {
        this.logs = logs;
        this.states = states;
    }

    SortedSet<String> logIds() {
        return new TreeSet<>(logs.agentIds());
    }

    SortedSet<String> stateIds() {
        return new TreeSet<>(states.agentIds());
    }
}
