package io.govflow.flow.dialectic;

import java.time.Clock;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import io.govflow.store.dialectic.SessionCatalog;

/**
 * The agents under review now: the paused agent of every session that is neither terminal nor expired, as a read
 * of the session files reports it (a stat per file, parsed again only when it changed).
 */
@Component
public class ReviewsInProgress {

    private final SessionCatalog sessions;
    private final SessionExpiry expiry;
    private final Clock clock;

    ReviewsInProgress(SessionCatalog sessions, SessionExpiry expiry, Clock clock) {
        this.sessions = sessions;
        this.expiry = expiry;
        this.clock = clock;
    }

    /** The ids of the agents some open session reviews. */
    public Set<String> agentsUnderReview() {
        var now = clock.instant();
        return sessions.all().stream()
                .filter(s -> !s.terminal() && expiry.check(s, now).isEmpty())
                .map(s -> s.pausedAgentId())
                .collect(Collectors.toUnmodifiableSet());
    }
}
