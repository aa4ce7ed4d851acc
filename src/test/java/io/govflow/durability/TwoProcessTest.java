package io.govflow.durability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.govflow.durability.workload.Harness;
import io.govflow.durability.workload.LoadDriver;
import io.govflow.durability.workload.UpdatesWorkload;
import io.govflow.durability.workload.Workload;
import io.govflow.durability.workload.Workloads;
import io.govflow.support.ChildService;
import io.govflow.support.DataDirChecks;
import io.govflow.support.LongHarness;
import io.govflow.support.StoreInvariants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cross-process locking: two service JVMs on one data directory, 8 clients each, run every workload — the same
 * 4 agents updated from both sides — for {@code twojvm.seconds} (20 by default, more with {@code -Psoak}).
 * Afterwards, for every agent, {@code total_updates} equals the number of acknowledged updates and the log is
 * exactly 1..n; everything either side wrote (registrations, metadata fields) is present and nothing else is.
 */
@LongHarness
class TwoProcessTest {

    private static final Logger log = LoggerFactory.getLogger(TwoProcessTest.class);
    private static final int CLIENTS_PER_SERVICE = 8;
    private static final String[] ARGS = Harness.serviceArgs();

    @TempDir
    Path work;

    @Test
    void twoServicesOnOneDataDirectoryLoseNothing() throws Exception {
        int seconds = Integer.getInteger("twojvm.seconds", 20);
        Path dataDir = Files.createDirectories(work.resolve("data"));
        List<Workload> workloads = Workloads.all("twin");
        try (ChildService left = new ChildService(dataDir, work.resolve("left.log"), ARGS);
                ChildService right = new ChildService(dataDir, work.resolve("right.log"), ARGS)) {
            CompletableFuture<ChildService> starting = CompletableFuture.supplyAsync(right::start);
            left.start();
            starting.join();
            workloads.forEach(w -> w.prepare(left.client()));
            LoadDriver one = LoadDriver.start(workloads, left.client(), CLIENTS_PER_SERVICE, 1);
            LoadDriver two = LoadDriver.start(workloads, right.client(), CLIENTS_PER_SERVICE, 2);
            Thread.sleep(seconds * 1000L);
            int requests = one.stop().steps() + two.stop().steps();
            assertThat(one.failures()).isEmpty();
            assertThat(two.failures()).isEmpty();
            for (Workload workload : workloads) {
                assertThat(workload.problems()).as("answers of %s", workload.name()).isEmpty();
            }
            new StoreInvariants(dataDir).assertCheckpointsNotAhead();
            Harness.assertConsistent(left.client());
            // a graceful shutdown of both leaves every checkpoint at its log
            left.stop();
            right.stop();
            new StoreInvariants(dataDir).assertHold();
            DataDirChecks.assertJsonFilesParse(dataDir);
            left.start();
            for (Workload workload : workloads) {
                workload.acknowledgedExactly().verify(dataDir, left.client());
            }
            UpdatesWorkload updates = (UpdatesWorkload) workloads.get(0);
            log.info("two services, {} s: {} requests, acknowledged updates per agent {}", seconds, requests,
                    updates.acknowledgedCounts());
            assertThat(updates.acknowledgedCounts().values()).allSatisfy(n -> assertThat(n).isPositive());
        }
    }
}
