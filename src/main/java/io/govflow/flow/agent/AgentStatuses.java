package io.govflow.flow.agent;

import java.util.List;

/** The lifecycle statuses of an agent, as stored in its metadata record. */
public final class AgentStatuses {

    public static final String ACTIVE = "active";
    public static final String WAITING_INPUT = "waiting_input";
    public static final String PAUSED = "paused";
    public static final String ARCHIVED = "archived";
    public static final String DELETED = "deleted";

    /** Every status, in the order reports list them. */
    public static final List<String> ALL = List.of(ACTIVE, WAITING_INPUT, PAUSED, ARCHIVED, DELETED);

    /** Statuses an explicit resume leads back to active ("moderate" and "degraded" are older reference labels). */
    static final List<String> RESUMABLE = List.of(PAUSED, WAITING_INPUT, ARCHIVED, "moderate", "degraded");

    private AgentStatuses() {
    }
}
