package io.govflow.flow.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import io.govflow.config.GovflowProperties;
import io.govflow.flow.update.RecordedTimes;
import io.govflow.store.agent.AgentRecord;
import io.govflow.store.agent.UpdateLogEntry;
import io.govflow.store.io.StoreJson;
import io.govflow.store.io.Timestamps;
import io.govflow.store.memory.MemoryMetadataStore;
import io.govflow.store.memory.MemoryUpdateLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * The fleet index on the in-memory store: built from the log tails on first use, fed by commits without reading
 * the logs (a line seen twice counts once), refreshed in the background from a log written behind its back, and
 * rebuilt for a log that was replaced; a forgotten agent is dropped.
 */
class FleetIndexTest {

    private static final Instant NOW = Instant.parse("2026-12-07T12:00:30Z");
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final MemoryUpdateLog logs = new MemoryUpdateLog(new StoreJson());
    private final MemoryMetadataStore metadata = new MemoryMetadataStore();
    private final GovflowProperties properties = new Binder(new MapConfigurationPropertySource(Map.of(
            "govflow.data-dir", "unused", "govflow.fleet.refresh-interval", "0s", "govflow.fleet.window", "20")))
            .bindOrCreate("govflow", GovflowProperties.class);
    private final FleetIndex index = new FleetIndex(logs, metadata, new RecordedTimes(properties),
            Clock.fixed(NOW, ZoneOffset.UTC), properties);

    @AfterEach
    void stop() {
        index.destroy();
    }

    @Test
    void theFirstUseBuildsEveryAgentFromItsLogTail() {
        register("tail_a", 30);
        register("tail_b", 0);

        Map<String, AgentSeries> series = index.current();

        assertThat(series.get("tail_a").seq()).isEqualTo(30);
        assertThat(series.get("tail_a").latest().at()).isEqualTo(NOW.minusSeconds(30));
        assertThat(series.get("tail_b").seq()).isZero();
        assertThat(series.get("tail_b").latest()).isNull();
        // only the window's 20 lines were read, all in the last minute but one
        assertThat(index.lastHour().stream().mapToLong(MinuteCount::updates).sum()).isEqualTo(20);
    }

    @Test
    void aCommittedLineIsTakenWithoutReadingTheLogAndCountsOnce() {
        register("commit_a", 5);
        index.current();
        UpdateLogEntry sixth = line(6);
        long end = logs.append("commit_a", sixth);

        index.committed("commit_a", sixth, end, logs.stamp("commit_a").fileKey());
        index.committed("commit_a", sixth, end, logs.stamp("commit_a").fileKey());

        assertThat(index.current().get("commit_a").seq()).isEqualTo(6);
        assertThat(index.current().get("commit_a").upToDate(end, logs.stamp("commit_a").fileKey())).isTrue();
        assertThat(index.lastHour().stream().mapToLong(MinuteCount::updates).sum()).isEqualTo(6);
    }

    @Test
    void aLogWrittenBehindTheIndexIsReadAgainByTheBackgroundRefresh() {
        register("elsewhere", 3);
        index.current();
        logs.append("elsewhere", line(4));
        logs.append("elsewhere", line(5));

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(index.current().get("elsewhere").seq())
                .isEqualTo(5));
        assertThat(index.lastHour().stream().mapToLong(MinuteCount::updates).sum()).isEqualTo(5);
    }

    @Test
    void aReplacedLogIsReadAnewAndAForgottenAgentIsDropped() {
        register("replaced", 10);
        register("forgotten", 2);
        index.current();

        logs.delete("replaced");
        logs.append("replaced", line(1));
        // a purge: record and log go, then the caches forget the agent
        metadata.remove("forgotten");
        logs.delete("forgotten");
        index.forgotten("forgotten");

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(index.current()).doesNotContainKey("forgotten"));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(index.current().get("replaced").seq())
                .isEqualTo(1));
    }

    private void register(String agentId, int lines) {
        metadata.create(AgentRecord.newAgent(agentId, Timestamps.format(NOW.minusSeconds(3600)), null));
        for (int seq = 1; seq <= lines; seq++) {
            logs.append(agentId, line(seq));
        }
    }

    private static UpdateLogEntry line(long seq) {
        String ts = Timestamps.format(NOW.minusSeconds(60 - seq));
        return new UpdateLogEntry(seq, ts, 0.7, 0.8, 0.2, 0.0, 0.8, 0.3, "proceed", 0.125, 0.125, 0.1, "safe",
                false, "healthy", 1.0, 0.5, 0.0, 0.0, 0.0, seq * 0.1, 0, null, null);
    }
}
