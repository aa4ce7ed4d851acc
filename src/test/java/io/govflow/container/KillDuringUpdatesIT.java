package io.govflow.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testcontainers.containers.GenericContainer;

/**
 * {@code docker kill} (SIGKILL to the whole container) while updates are in flight, a few times on one data
 * volume: after each restart every update that got a 2xx must be there. Needs the agent endpoints.
 */
@ContainerTest
class KillDuringUpdatesIT {

    private static final String AGENT = "it_kill_agent";
    private static final int ROUNDS = Integer.getInteger("it.kill.rounds", 3);
    private static final int WRITERS = 2;

    @RegisterExtension
    final FailureLogs logs = new FailureLogs();

    private String volume = "";

    @BeforeEach
    void createVolume() {
        volume = GovflowImage.createVolume();
    }

    @AfterEach
    void removeVolume() {
        GovflowImage.removeVolume(volume);
    }

    @Test
    void everyAcknowledgedUpdateSurvivesDockerKill() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        String key = "";
        long acknowledged = 0;
        long unknown = 0;

        for (int round = 0; round <= ROUNDS; round++) {
            try (GenericContainer<?> app = GovflowImage.container(volume, logs, "govflow-round-" + round)) {
                app.start();
                GovflowApi api = new GovflowApi(GovflowImage.baseUrl(app));
                if (round == 0) {
                    key = api.register(AGENT);
                } else {
                    checkCounts(api, key, acknowledged, unknown, "after kill " + round + " (seed " + seed + ")");
                }
                if (round == ROUNDS) {
                    GovflowApi.Response update = api.update(AGENT, key);
                    assertThat(update.status()).as("update after the last restart: %s", update.text())
                            .isEqualTo(200);
                    assertThat(api.updateCount(AGENT, key)).isGreaterThanOrEqualTo(acknowledged + 1);
                    break;
                }

                Writers writers = new Writers(api, key);
                writers.awaitAcknowledged(3, Duration.ofSeconds(60));
                Thread.sleep(200 + random.nextInt(1000));
                GovflowImage.kill(app);
                writers.stop();

                assertThat(writers.firstRejection.get())
                        .as("every update before the kill is accepted (round %d)", round).isNull();
                acknowledged += writers.acknowledged.get();
                unknown += writers.unknown.get();
                System.out.printf("kill %d: %d updates acknowledged so far, %d cut off (seed %d)%n",
                        round + 1, acknowledged, unknown, seed);
            }
        }
    }

    /** Acknowledged updates must all be there; at most the ones cut off by a kill may be there in addition. */
    private static void checkCounts(GovflowApi api, String key, long acknowledged, long unknown, String when)
            throws IOException, InterruptedException {
        long count = api.updateCount(AGENT, key);
        assertThat(count).as("state.update_count %s", when)
                .isGreaterThanOrEqualTo(acknowledged)
                .isLessThanOrEqualTo(acknowledged + unknown);
        assertThat(api.totalUpdates(AGENT, key)).as("agent.total_updates %s", when)
                .isGreaterThanOrEqualTo(acknowledged)
                .isLessThanOrEqualTo(acknowledged + unknown);
    }

    /** Threads posting updates back to back until the connection breaks (the kill) or they are stopped. */
    private static final class Writers {

        final AtomicLong acknowledged = new AtomicLong();
        /** Requests without an answer: they may or may not have committed. */
        final AtomicLong unknown = new AtomicLong();
        final AtomicReference<String> firstRejection = new AtomicReference<>();
        private final AtomicBoolean stopped = new AtomicBoolean();
        private final List<Thread> threads = new ArrayList<>();

        Writers(GovflowApi api, String key) {
            for (int i = 0; i < WRITERS; i++) {
                Thread thread = new Thread(() -> run(api, key), "it-writer-" + i);
                thread.setDaemon(true);
                threads.add(thread);
                thread.start();
            }
        }

        private void run(GovflowApi api, String key) {
            while (!stopped.get()) {
                try {
                    GovflowApi.Response response = api.update(AGENT, key);
                    if (response.ok()) {
                        acknowledged.incrementAndGet();
                    } else {
                        firstRejection.compareAndSet(null, response.status() + " " + response.text());
                        return;
                    }
                } catch (IOException e) {
                    unknown.incrementAndGet();
                    return;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }

        void awaitAcknowledged(long count, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (acknowledged.get() < count && firstRejection.get() == null && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(firstRejection.get()).as("updates are accepted").isNull();
            assertThat(acknowledged.get()).as("updates acknowledged within %s", timeout)
                    .isGreaterThanOrEqualTo(count);
        }

        void stop() throws InterruptedException {
            stopped.set(true);
            for (Thread thread : threads) {
                thread.join(Duration.ofSeconds(60).toMillis());
                assertThat(thread.isAlive()).as("%s finished", thread.getName()).isFalse();
            }
        }
    }
}
