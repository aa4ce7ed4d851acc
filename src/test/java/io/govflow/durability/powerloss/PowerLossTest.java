package io.govflow.durability.powerloss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.govflow.durability.powerloss.DurableImage.Variant;
import io.govflow.durability.powerloss.PowerLossRecorder.Skip;
import io.govflow.durability.workload.Harness;
import io.govflow.durability.workload.LoadDriver;
import io.govflow.durability.workload.Workload;
import io.govflow.durability.workload.Workloads;
import io.govflow.support.LongHarness;
import io.govflow.support.RunningApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Power loss, simulated: every workload runs against the real service while {@link PowerLossRecorder} models
 * what the disk holds; at random moments the model is frozen (a power cut), and afterwards each frozen disk is
 * written out — unsynced bytes lost, or partly present — and a fresh service started on it. Every write
 * acknowledged before the cut must be there, every file must parse, the commit invariants must hold after
 * start-up recovery, and no temp file may survive it but the cut's own, which start-up keeps while they are
 * younger than the temp-file maximum age (pids do not prove a writer gone). The second test removes one kind of fsync from the model
 * and shows the same checks then fail: the simulation can see a missing fsync, which a SIGKILL cannot.
 *
 * <p>Cuts: {@code powerloss.cuts} (6 by default, more with {@code -Psoak}); the seed ({@code powerloss.seed}) is
 * logged for reproduction.
 */
@LongHarness
class PowerLossTest {

    private static final Logger log = LoggerFactory.getLogger(PowerLossTest.class);
    private static final String[] ARGS = Harness.serviceArgs(PowerLossRecorderSource.ARGUMENT);

    @TempDir
    Path work;

    /** One simulated power cut: the disk, and what had been acknowledged when the power went. */
    private record Cut(DurableImage disk, List<Workload.Check> acknowledged) {
    }

    @Test
    void acknowledgedWritesSurviveAPowerCutAtRandomMoments() throws Exception {
        int cuts = Integer.getInteger("powerloss.cuts", 6);
        long seed = Long.getLong("powerloss.seed", System.nanoTime());
        log.info("power-loss simulation: cuts={} seed={}", cuts, seed);
        Random random = new Random(seed);
        Path live = Files.createDirectories(work.resolve("live"));
        List<Workload> workloads = Workloads.all("pl");
        List<Cut> taken = new ArrayList<>();
        int tails = 0;
        try (RunningApp app = RunningApp.start(live, ARGS)) {
            workloads.forEach(w -> w.prepare(app.client()));
            LoadDriver driver = LoadDriver.start(workloads, app.client(), 6, seed);
            for (int c = 0; c < cuts; c++) {
                Thread.sleep(150 + random.nextInt(600));
                List<Workload.Check> acknowledged = workloads.stream().map(Workload::acknowledged).toList();
                DurableImage disk = app.bean(PowerLossRecorder.class).freeze();
                tails += disk.unsyncedTails();
                taken.add(new Cut(disk, acknowledged));
            }
            driver.stop();
            assertThat(driver.failures()).isEmpty();
            System.out.printf("power-loss simulation: %d cuts, %d requests, %d unsynced appends at the cuts%n", cuts,
                    driver.steps(), tails);
        }
        workloads.forEach(w -> assertThat(w.problems()).as(w.name()).isEmpty());
        for (int c = 0; c < taken.size(); c++) {
            for (Variant variant : Variant.values()) {
                Path recovered = work.resolve("cut-" + c + "-" + variant);
                taken.get(c).disk().materialize(recovered, variant, new Random(seed + c));
                verifyRecovered(recovered, taken.get(c).acknowledged());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = Skip.class, names = { "DIRECTORY_SYNCS", "TEMP_FILE_SYNCS", "IN_PLACE_FILE_SYNCS" })
    void theSimulationFindsAStoreThatSkipsAnFsync(Skip skipped) {
        Path live = work.resolve("live");
        List<Workload> workloads = Workloads.all("skip");
        DurableImage disk;
        List<Workload.Check> acknowledged;
        try (RunningApp app = RunningApp.start(live, ARGS)) {
            app.bean(PowerLossRecorder.class).skip(skipped);
            workloads.forEach(w -> w.prepare(app.client()));
            Random random = new Random(1);
            for (int n = 0; n < 24; n++) {
                for (Workload workload : workloads) {
                    workload.step(app.client(), random);
                }
            }
            acknowledged = workloads.stream().map(Workload::acknowledged).toList();
            disk = app.bean(PowerLossRecorder.class).freeze();
        }
        Path recovered = work.resolve("recovered");
        disk.materialize(recovered, Variant.SYNCED_ONLY, new Random(1));
        assertThatThrownBy(() -> verifyRecovered(recovered, acknowledged))
                .as("a store without %s loses acknowledged writes in a power cut", skipped)
                .satisfies(found -> System.out.println("power-loss simulation without " + skipped + " finds: "
                        + found.getMessage().lines().limit(3).toList()));
    }

    private static void verifyRecovered(Path dataDir, List<Workload.Check> acknowledged) {
        try (RunningApp app = RunningApp.start(dataDir, Harness.serviceArgs())) {
            assertThat(app.client().get("/actuator/health/readiness", null).status()).isEqualTo(200);
            Harness.verifyRecovered(dataDir, app.client(), acknowledged);
        }
    }
}
