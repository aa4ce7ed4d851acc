package io.govflow.flow.dialectic;

import java.time.Instant;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.govflow.config.GovflowProperties;
import io.govflow.flow.dialectic.SessionTimeouts.Expiry;
import io.govflow.flow.update.RecordedTimes;
import io.govflow.store.dialectic.DialecticSession;

/** Whether a session has run out of time now, with the configured timeouts and the reviewer's current status. */
@Component
class SessionExpiry {

    private final SessionTimeouts timeouts;
    private final RecordedTimes times;
    private final ReviewAgents agents;

    SessionExpiry(GovflowProperties properties, RecordedTimes times, ReviewAgents agents) {
        this.timeouts = new SessionTimeouts(properties.dialectic());
        this.times = times;
        this.agents = agents;
    }

    Optional<Expiry> check(DialecticSession session, Instant now) {
        if (session.terminal()) {
            return Optional.empty();
        }
        return timeouts.check(session, now, times::parse, agents.available(session.reviewerAgentId()));
    }
}
