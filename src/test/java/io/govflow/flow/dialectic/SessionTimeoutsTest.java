package io.govflow.flow.dialectic;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.govflow.config.GovflowProperties;
import io.govflow.store.dialectic.DialecticMessage;
import io.govflow.store.dialectic.DialecticSession;
import org.junit.jupiter.api.Test;

class SessionTimeoutsTest {

    private static final Instant CREATED = Instant.parse("2025-12-01T10:00:00Z");
    private final SessionTimeouts timeouts = new SessionTimeouts(new GovflowProperties.Dialectic(Duration.ofHours(2),
            Duration.ofHours(1), Duration.ofHours(6), Duration.ofMinutes(30), Duration.ofHours(1), 5));

    private static Optional<Instant> parse(String text) {
        return Optional.of(LocalDateTime.parse(text).toInstant(ZoneOffset.UTC));
    }

    private static String at(Duration after) {
        return LocalDateTime.ofInstant(CREATED.plus(after), ZoneOffset.UTC).toString();
    }

    private static DialecticSession session(String phase, Duration... messagesAt) {
        List<DialecticMessage> transcript = new ArrayList<>();
        String[] phases = { "thesis", "antithesis", "synthesis", "synthesis", "synthesis" };
        for (int i = 0; i < messagesAt.length; i++) {
            transcript.add(new DialecticMessage(phases[i], "agent_" + i, at(messagesAt[i]), null, null, null, null,
                    null, null, Map.of()));
        }
        return new DialecticSession("0123456789abcdef", "agent_0", "agent_1", phase, 1, 5, transcript, null,
                at(Duration.ZERO), null, null, null, null, Map.of());
    }

    private Optional<String> check(DialecticSession s, Duration now, boolean reviewerPresent) {
        return timeouts.check(s, CREATED.plus(now), SessionTimeoutsTest::parse, reviewerPresent)
                .map(SessionTimeouts.Expiry::code);
    }

    @Test
    void antithesisWindowCountsFromTheThesis() {
        DialecticSession waiting = session("antithesis", Duration.ofMinutes(30));
        assertThat(check(waiting, Duration.ofMinutes(149), true)).isEmpty();
        assertThat(check(waiting, Duration.ofMinutes(150), true)).contains("antithesis_timeout");
    }

    @Test
    void anUnavailableReviewerFailsTheSessionAfterTheReviewerWait() {
        DialecticSession waiting = session("antithesis", Duration.ofMinutes(10));
        assertThat(check(waiting, Duration.ofMinutes(39), false)).isEmpty();
        assertThat(check(waiting, Duration.ofMinutes(40), false)).contains("reviewer_unavailable");
        assertThat(check(waiting, Duration.ofMinutes(40), true)).isEmpty();
        assertThat(check(session("synthesis", Duration.ofMinutes(1), Duration.ofMinutes(2)), Duration.ofMinutes(40),
                false)).isEmpty();
    }

    @Test
    void eachSynthesisRoundAndTheWholeSessionHaveTheirLimits() {
        DialecticSession negotiating = session("synthesis", Duration.ofMinutes(1), Duration.ofMinutes(2),
                Duration.ofMinutes(50));
        assertThat(check(negotiating, Duration.ofMinutes(109), true)).isEmpty();
        assertThat(check(negotiating, Duration.ofMinutes(110), true)).contains("synthesis_timeout");
        assertThat(check(session("thesis"), Duration.ofHours(6), true)).contains("session_timeout");
        assertThat(check(session("thesis"), Duration.ofMinutes(359), true)).isEmpty();
    }

    @Test
    void terminalSessionsNeverExpire() {
        for (String phase : List.of("resolved", "escalated", "failed")) {
            assertThat(check(session(phase, Duration.ofMinutes(1)), Duration.ofDays(30), false)).isEmpty();
        }
    }
}
