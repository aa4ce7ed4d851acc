package io.govflow.flow.update;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Detects repetitive update patterns from an agent's recorded recent updates (the incoming one is not among
 * them). Patterns are checked in order; the first match wins.
 *
 * <p>Recorded updates that a detection has already answered with a cooldown are not judged again: only updates
 * recorded since then can start a new detection. Otherwise the same old evidence (which changes only when an
 * update succeeds) would refuse every update after each cooldown, for ever; the reference has that flaw.
 */
final class LoopGuard {

    /** A detected pattern and how long updates are refused. */
    record Detection(String pattern, Duration cooldown) {
    }

    /** One recorded update: when, and whether its decision was a pause. */
    record Recorded(Instant at, boolean pause) {
    }

    private static final Duration RAPID_WINDOW = Duration.ofSeconds(30);

    private LoopGuard() {
    }

    /** @param recent oldest first, at most the last 10 */
    static Optional<Detection> detect(List<Recorded> recent, Instant now) {
        return detect(recent, now, null);
    }

    /**
     * @param recent        oldest first, at most the last 10
     * @param lastDetection when a loop was last detected for this agent (null: never)
     */
    static Optional<Detection> detect(List<Recorded> recent, Instant now, @Nullable Instant lastDetection) {
        if (recent.size() < 3) {
            return Optional.empty();
        }
        if (lastDetection != null && !recent.get(recent.size() - 1).at().isAfter(lastDetection)) {
            return Optional.empty();
        }
        if (rapidFire(recent, now)) {
            return Optional.of(new Detection("rapid_fire", Duration.ofSeconds(5)));
        }
        if (span(recent, 3) <= 10_000 && pauses(recent, 3) >= 2) {
            return Optional.of(new Detection("pause_cluster", Duration.ofSeconds(15)));
        }
        if (recent.size() >= 4 && span(recent, 4) <= 5_000 && pauses(recent, 4) >= 1) {
            return Optional.of(new Detection("rapid_pauses", Duration.ofSeconds(15)));
        }
        if (pauses(recent, 10) >= 5) {
            return Optional.of(new Detection("decision_loop", Duration.ofSeconds(30)));
        }
        if (span(recent, 3) <= 60_000 && pauses(recent, 3) >= 1) {
            return Optional.of(new Detection("slow_stuck", Duration.ofSeconds(30)));
        }
        if (recent.size() >= 5 && span(recent, 5) <= 120_000 && pauses(recent, 5) >= 1) {
            return Optional.of(new Detection("extended", Duration.ofSeconds(30)));
        }
        return Optional.empty();
    }

    private static boolean rapidFire(List<Recorded> recent, Instant now) {
        List<Recorded> window = recent.stream()
                .filter(r -> !r.at().isBefore(now.minus(RAPID_WINDOW)))
                .toList();
        return (window.size() >= 2 && span(window, 2) < 300)
                || (window.size() >= 3 && span(window, 3) < 500)
                || (window.size() >= 4 && span(window, 4) < 1_000);
    }

    /** Milliseconds between the oldest and newest of the last {@code n}. */
    private static long span(List<Recorded> recent, int n) {
        List<Recorded> last = last(recent, n);
        return Duration.between(last.get(0).at(), last.get(last.size() - 1).at()).toMillis();
    }

    private static long pauses(List<Recorded> recent, int n) {
        return last(recent, n).stream().filter(Recorded::pause).count();
    }

    private static List<Recorded> last(List<Recorded> recent, int n) {
        return recent.subList(Math.max(0, recent.size() - n), recent.size());
    }
}
