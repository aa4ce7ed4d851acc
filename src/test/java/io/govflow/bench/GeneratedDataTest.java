package io.govflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.govflow.flow.auth.ApiKeys;
import io.govflow.flow.consistency.ConsistencyChecker;
import io.govflow.flow.consistency.ConsistencyReport;
import io.govflow.store.agent.MetadataCodec;
import io.govflow.store.agent.MetadataRepository;
import io.govflow.store.agent.StateFileCodec;
import io.govflow.store.agent.StateFileRepository;
import io.govflow.store.agent.UpdateLog;
import io.govflow.store.io.AtomicFileWriter;
import io.govflow.store.io.AtomicJsonWriter;
import io.govflow.store.io.DataDirectory;
import io.govflow.store.io.LockManager;
import io.govflow.store.io.StoreHealth;
import io.govflow.store.io.StoreJson;
import io.govflow.support.StoreInvariants;

/** Data sets generated for the benchmark are what the store writes: the consistency report finds nothing. */
class GeneratedDataTest {

    @TempDir
    Path data;

    @Test
    void generatedAgentsPassTheStoreInvariantsAndTheConsistencyReport() {
        GeneratedData generated = new GeneratedData(data, 1500);
        generated.add("history_0", 1500);
        generated.add("fleet_1", 100);
        generated.add("idle_2", 0);
        List<Agent> agents = generated.finish();

        new StoreInvariants(data).assertHold();
        ConsistencyReport report = checker().check(null);
        assertThat(report.totals().agents()).isEqualTo(3);
        assertThat(report.totals().errors()).as("%s", report.agents()).isZero();
        assertThat(report.agents()).filteredOn(a -> !a.agentId().equals("idle_2"))
                .allSatisfy(a -> assertThat(a.problems()).isEmpty());
        assertThat(generated.lines()).isEqualTo(1600);
        assertThat(new StoreInvariants(data).logOf("history_0")).hasSize(1500);
        assertThat(agents).allSatisfy(a -> assertThat(ApiKeys.matches(a.key(),
                new StoreInvariants(data).agents().get(a.id()).apiKey())).isTrue());
    }

    private ConsistencyChecker checker() {
        StoreHealth health = new StoreHealth();
        DataDirectory dir = new DataDirectory(data, health);
        StoreJson json = new StoreJson();
        AtomicFileWriter files = new AtomicFileWriter(health);
        AtomicJsonWriter writer = new AtomicJsonWriter(files, json);
        MetadataRepository metadata = new MetadataRepository(dir, writer,
                new LockManager(dir, Duration.ofSeconds(5), Duration.ofMillis(100)), new MetadataCodec(json));
        StateFileRepository stateFiles = new StateFileRepository(dir, writer, new StateFileCodec(json), health);
        UpdateLog updateLog = new UpdateLog(dir, files, health, json, Clock.systemUTC());
        return new ConsistencyChecker(dir, metadata, stateFiles, updateLog, 1000, Clock.systemUTC());
    }
}
