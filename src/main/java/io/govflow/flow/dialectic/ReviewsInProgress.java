package io.govflow.flow.dialectic;

import java.time.Clock;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import io.govflow.store.dialectic.SessionListing;

/**
 * The agents under review now: the paused agent of every session that is neither terminal nor expired, as a read
 * of the stored sessions reports it ({@link SessionListing}).
 */
@Component
public class ReviewsInProgress {

    private final SessionListing sessions;
    private final SessionExpiry expiry;
    private final Clock clock;

    ReviewsInProgress(SessionListing sessions, SessionExpiry expiry, Clock clock) {
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
