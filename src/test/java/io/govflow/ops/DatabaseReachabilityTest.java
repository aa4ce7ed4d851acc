package io.govflow.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** The readiness probe of the database: asked often, probed at most about once a second, never in the caller's way. */
class DatabaseReachabilityTest {

    private final AtomicBoolean up = new AtomicBoolean(true);
    private final AtomicInteger probes = new AtomicInteger();
    private final AtomicLong now = new AtomicLong();
    private final DatabaseReachability reachability = new DatabaseReachability(() -> {
        probes.incrementAndGet();
        return up.get();
    }, now::get);

    @Test
    void theFirstQuestionProbesAndAnswersWithinTheSecondReuseIt() {
        assertThat(reachability.reachable()).isTrue();
        up.set(false);
        for (int i = 0; i < 100; i++) {
            assertThat(reachability.reachable()).isTrue();
        }
        assertThat(probes).hasValue(1);
    }

    @Test
    void anOlderAnswerIsRefreshedInTheBackgroundAndTheNextQuestionSeesIt() {
        assertThat(reachability.reachable()).isTrue();
        up.set(false);
        now.addAndGet(DatabaseReachability.MAX_AGE.toNanos());
        await().until(() -> !reachability.reachable());
        assertThat(probes.get()).isGreaterThanOrEqualTo(2);

        up.set(true);
        now.addAndGet(DatabaseReachability.MAX_AGE.toNanos());
        await().until(reachability::reachable);
    }
}
