package io.govflow.flow.update;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/**
 * Each loop pattern of the update-flow spec on recorded updates at fixed instants (no clock is read): the first
 * matching pattern and its cooldown.
 */
class LoopGuardTest {

    private static final Instant NOW = Instant.parse("2026-01-10T12:00:00Z");

    /** Recorded updates, oldest first: each as (seconds before NOW, pause?). */
    private static List<LoopGuard.Recorded> recorded(Object... secondsAgoAndPause) {
        List<LoopGuard.Recorded> out = new ArrayList<>();
        for (int i = 0; i < secondsAgoAndPause.length; i += 2) {
            double secondsAgo = ((Number) secondsAgoAndPause[i]).doubleValue();
            out.add(new LoopGuard.Recorded(NOW.minusMillis(Math.round(secondsAgo * 1000)),
                    (Boolean) secondsAgoAndPause[i + 1]));
        }
        return out;
    }

    private static void assertDetected(Optional<LoopGuard.Detection> detection, String pattern, long cooldown) {
        assertThat(detection).isPresent();
        assertThat(detection.get().pattern()).isEqualTo(pattern);
        assertThat(detection.get().cooldown()).isEqualTo(Duration.ofSeconds(cooldown));
    }

    @Test
    void fewerThanThreeRecordedUpdatesNeverFire() {
        assertThat(LoopGuard.detect(recorded(0.02, true, 0.01, true), NOW)).isEmpty();
    }

    @Test
    void rapidFireLastTwoUnderThreeTenthsApart() {
        assertDetected(LoopGuard.detect(recorded(20.0, false, 10.0, false, 9.8, false), NOW), "rapid_fire", 5);
    }

    @Test
    void rapidFireLastThreeWithinHalfASecond() {
        assertDetected(LoopGuard.detect(recorded(5.0, false, 4.85, false, 4.55, false), NOW), "rapid_fire", 5);
    }

    @Test
    void rapidFireLastFourWithinOneSecond() {
        assertDetected(LoopGuard.detect(recorded(3.0, false, 2.95, false, 2.6, false, 2.3, false), NOW),
                "rapid_fire", 5);
    }

    @Test
    void rapidFireOnlyLooksAtTheLastThirtySeconds() {
        assertThat(LoopGuard.detect(recorded(40.2, false, 40.1, false, 40.0, false), NOW)).isEmpty();
    }

    @Test
    void pauseClusterThreeWithinTenSecondsWithTwoPauses() {
        assertDetected(LoopGuard.detect(recorded(9.0, true, 5.0, false, 1.0, true), NOW), "pause_cluster", 15);
    }

    @Test
    void rapidPausesFourWithinFiveSecondsWithOnePause() {
        // one pause, outside the last three (so no pause cluster), spaced too far for rapid fire
        assertDetected(LoopGuard.detect(recorded(4.6, true, 3.1, false, 1.6, false, 0.1, false), NOW),
                "rapid_pauses", 15);
    }

    @Test
    void decisionLoopFivePausesAmongTheLastTen() {
        Object[] updates = new Object[20];
        for (int k = 0; k < 10; k++) {
            updates[2 * k] = 1000.0 - 100.0 * k;
            updates[2 * k + 1] = k < 5;
        }
        assertDetected(LoopGuard.detect(recorded(updates), NOW), "decision_loop", 30);
    }

    @Test
    void slowStuckThreeWithinAMinuteWithOnePause() {
        assertDetected(LoopGuard.detect(recorded(50.0, false, 30.0, true, 10.0, false), NOW), "slow_stuck", 30);
    }

    @Test
    void extendedFiveWithinTwoMinutesWithOnePause() {
        // the pause is older than the last three, which span 50 s: slow stuck does not apply
        assertDetected(LoopGuard.detect(recorded(110.0, false, 85.0, true, 60.0, false, 35.0, false, 10.0, false),
                NOW), "extended", 30);
    }

    @Test
    void calmUpdatesPass() {
        assertThat(LoopGuard.detect(recorded(60.0, false, 40.0, false, 20.0, false, 1.0, false), NOW)).isEmpty();
        assertThat(LoopGuard.detect(recorded(400.0, true, 300.0, false, 200.0, false, 100.0, false), NOW)).isEmpty();
    }

    @Test
    void firstMatchWins() {
        // rapid fire and pause cluster both hold: rapid fire is checked first
        assertDetected(LoopGuard.detect(recorded(0.4, true, 0.2, true, 0.1, true), NOW), "rapid_fire", 5);
    }

    @Test
    void evidenceAlreadyAnsweredByACooldownIsNotJudgedAgain() {
        List<LoopGuard.Recorded> stuck = recorded(50.0, false, 30.0, true, 10.0, false);
        assertDetected(LoopGuard.detect(stuck, NOW, NOW.minusSeconds(11)), "slow_stuck", 30);
        assertThat(LoopGuard.detect(stuck, NOW, NOW.minusSeconds(5))).isEmpty();
        assertThat(LoopGuard.detect(stuck, NOW, NOW.minusSeconds(10))).isEmpty();
    }
}
