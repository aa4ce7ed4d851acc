package io.govflow.flow.dialectic;

import io.govflow.store.dialectic.DialecticSession;

/** The {@code next_step} hint of each answer: who acts next, and how. */
final class NextSteps {

    private static final String BASE = "/api/v1/dialectic/sessions/";

    private NextSteps() {
    }

    static String afterCreation(DialecticSession s) {
        return "Agent " + s.pausedAgentId() + " submits its thesis: POST " + BASE + s.sessionId() + "/thesis";
    }

    static String after(DialecticSession s) {
        String base = BASE + s.sessionId();
        return switch (s.phase()) {
            case DialecticSession.THESIS -> afterCreation(s);
            case DialecticSession.ANTITHESIS -> "Reviewer " + s.reviewerAgentId()
                    + " submits the antithesis: POST " + base + "/antithesis";
            case DialecticSession.SYNTHESIS -> "Either agent submits a synthesis (round " + s.synthesisRound()
                    + " of " + s.maxRounds() + "); set agrees to true to accept: POST " + base + "/synthesis";
            case DialecticSession.RESOLVED -> "block".equals(Resolutions.action(s.resolution()))
                    ? "The agreed conditions break a hard limit; agent " + s.pausedAgentId()
                            + " stays paused. Request a new review with safer conditions."
                    : "Agent " + s.pausedAgentId() + " may continue under the agreed conditions.";
            case DialecticSession.ESCALATED -> "No agreement within " + s.maxRounds()
                    + " synthesis rounds; an operator decides (resume or archive the agent).";
            case DialecticSession.FAILED -> "The session failed; request a new review or resume directly if safe.";
            default -> "Read the session: GET " + base;
        };
    }
}
