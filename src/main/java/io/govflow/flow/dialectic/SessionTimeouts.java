package io.govflow.flow.dialectic;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import io.govflow.config.GovflowProperties;
import io.govflow.store.dialectic.DialecticMessage;
import io.govflow.store.dialectic.DialecticSession;

/**
 * When an open session has run out of time (evaluated on every read and write; a terminal session never expires):
 * the whole session after {@code session-timeout} from creation; the antithesis {@code antithesis-timeout} after the
 * thesis; each synthesis {@code synthesis-timeout} after the last message; and, while waiting for the antithesis
 * only, {@code reviewer-wait} after the thesis when the reviewer is not available (unknown, paused, archived or
 * deleted). A deadline is reached at the instant it falls (so a zero timeout expires at once).
 */
final class SessionTimeouts {

    /** Why a session expired: a stable code and a sentence for the transcript. */
    record Expiry(String code, String reason) {
    }

    private final Duration antithesis;
    private final Duration synthesis;
    private final Duration session;
    private final Duration reviewerWait;

    SessionTimeouts(GovflowProperties.Dialectic timeouts) {
        this.antithesis = timeouts.antithesisTimeout();
        this.synthesis = timeouts.synthesisTimeout();
        this.session = timeouts.sessionTimeout();
        this.reviewerWait = timeouts.reviewerWait();
    }

    /**
     * @param parse           reads a recorded timestamp; empty when it cannot (that check is then skipped)
     * @param reviewerPresent whether the reviewer is registered and active (or waiting for input)
     */
    Optional<Expiry> check(DialecticSession s, Instant now, Function<String, Optional<Instant>> parse,
            boolean reviewerPresent) {
        if (s.terminal()) {
            return Optional.empty();
        }
        Optional<Instant> created = parse.apply(s.createdAt());
        if (created.isPresent() && reached(created.get().plus(session), now)) {
            return Optional.of(new Expiry("session_timeout", "the session ran longer than " + text(session)));
        }
        @Nullable Instant since = created.orElse(null);
        if (DialecticSession.ANTITHESIS.equals(s.phase())) {
            @Nullable Instant thesis = firstOf(s.transcript(), DialecticSession.THESIS, parse).orElse(since);
            if (thesis != null && reached(thesis.plus(antithesis), now)) {
                return Optional.of(new Expiry("antithesis_timeout",
                        "no antithesis arrived within " + text(antithesis) + " of the thesis"));
            }
            if (thesis != null && !reviewerPresent && reached(thesis.plus(reviewerWait), now)) {
                return Optional.of(new Expiry("reviewer_unavailable",
                        "the reviewer was not available for " + text(reviewerWait) + " after the thesis"));
            }
        } else if (DialecticSession.SYNTHESIS.equals(s.phase())) {
            List<DialecticMessage> transcript = s.transcript();
            Optional<Instant> last = transcript.isEmpty() ? Optional.empty()
                    : parse.apply(transcript.get(transcript.size() - 1).timestamp());
            @Nullable Instant lastAt = last.orElse(since);
            if (lastAt != null && reached(lastAt.plus(synthesis), now)) {
                return Optional.of(new Expiry("synthesis_timeout",
                        "no synthesis arrived within " + text(synthesis) + " of the last message"));
            }
        }
        return Optional.empty();
    }

    private static Optional<Instant> firstOf(List<DialecticMessage> transcript, String phase,
            Function<String, Optional<Instant>> parse) {
        return transcript.stream().filter(m -> phase.equals(m.phase())).findFirst()
                .flatMap(m -> parse.apply(m.timestamp()));
    }

    private static boolean reached(Instant deadline, Instant now) {
        return !now.isBefore(deadline);
    }

    private static String text(Duration d) {
        if (d.toSeconds() % 3600 == 0 && !d.isZero()) {
            return d.toHours() + " h";
        }
        if (d.toSeconds() % 60 == 0 && !d.isZero()) {
            return d.toMinutes() + " min";
        }
        return d.toMillis() + " ms";
    }
}
