package io.govflow.durability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

import io.govflow.durability.workload.Harness;
import io.govflow.durability.workload.LoadDriver;
import io.govflow.durability.workload.Workload;
import io.govflow.durability.workload.Workloads;
import io.govflow.support.ChildService;
import io.govflow.support.LongHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The crash harness. Each round starts two service JVMs on one data directory (children started from the test
 * classpath), drives every workload of {@link Workloads#all} with 4 clients per service (8 in all, the same 4
 * agents from both sides), and SIGKILLs the first at a random moment and the second a random moment later — two
 * kills per round. The next round's start-up is the recovery under test: once both services are up, every write
 * acknowledged before the kills must be there, every file must parse, the commit invariants must hold, the
 * consistency endpoint must report no error, and no temp file may be left but the killed writers' own, which
 * start-up keeps while they are younger than the temp-file maximum age ({@link Harness#verifyRecovered}).
 *
 * <p>Rounds: {@code soak.rounds} (25 = 50 kills by default, 60 with {@code -Psoak}); the seed
 * ({@code crash.seed}) is logged for reproduction.
 */
@LongHarness
class CrashRecoveryTest {

    private static final Logger log = LoggerFactory.getLogger(CrashRecoveryTest.class);
    private static final int CLIENTS_PER_SERVICE = 4;
    private static final String[] ARGS = Harness.serviceArgs();

    @TempDir
    Path work;

    @Test
    void acknowledgedWritesSurviveSigkillOfBothServices() throws Exception {
        int rounds = Integer.getInteger("soak.rounds", 25);
        long seed = Long.getLong("crash.seed", System.nanoTime());
        log.info("crash harness: rounds={} seed={}", rounds, seed);
        Random random = new Random(seed);
        Path dataDir = Files.createDirectories(work.resolve("data"));
        List<Workload> workloads = Workloads.all("crash");
        List<Workload.Check> acknowledged = List.of();
        int kills = 0;
        int requests = 0;
        for (int round = 0; round < rounds; round++) {
            try (ChildService first = new ChildService(dataDir, work.resolve("first.log"), ARGS);
                    ChildService second = new ChildService(dataDir, work.resolve("second.log"), ARGS)) {
                CompletableFuture<ChildService> starting = CompletableFuture.supplyAsync(second::start);
                first.start();
                starting.join();
                if (round == 0) {
                    workloads.forEach(w -> w.prepare(first.client()));
                } else {
                    Harness.verifyRecovered(dataDir, first.client(), acknowledged);
                }
                LoadDriver one = LoadDriver.start(workloads, first.client(), CLIENTS_PER_SERVICE, seed + 2L * round);
                LoadDriver two = LoadDriver.start(workloads, second.client(), CLIENTS_PER_SERVICE, seed + 2L * round + 1);
                Thread.sleep(300 + random.nextInt(1200));
                first.kill();
                Thread.sleep(random.nextInt(600));
                second.kill();
                kills += 2;
                requests += one.stop().steps() + two.stop().steps();
                assertThat(one.failures()).isEmpty();
                assertThat(two.failures()).isEmpty();
                acknowledged = workloads.stream().map(Workload::acknowledged).toList();
            }
        }
        try (ChildService last = new ChildService(dataDir, work.resolve("first.log"), ARGS).start()) {
            Harness.verifyRecovered(dataDir, last.client(), acknowledged);
        }
        for (Workload workload : workloads) {
            assertThat(workload.problems()).as("answers of %s", workload.name()).isEmpty();
        }
        log.info("crash harness: {} rounds, {} SIGKILLs, {} requests, every acknowledged write present", rounds, kills,
                requests);
        assertThat(kills).isGreaterThanOrEqualTo(2 * rounds);
    }
}
