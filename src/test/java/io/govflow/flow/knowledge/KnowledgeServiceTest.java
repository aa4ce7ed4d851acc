package io.govflow.flow.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import io.govflow.config.GovflowProperties;
import io.govflow.error.ErrorCode;
import io.govflow.error.GovflowException;
import io.govflow.flow.auth.Caller;
import io.govflow.flow.update.RecordedTimes;
import io.govflow.store.agent.AgentRecord;
import io.govflow.store.agent.MetadataCodec;
import io.govflow.store.agent.MetadataRepository;
import io.govflow.store.io.AtomicFileWriter;
import io.govflow.store.io.AtomicJsonWriter;
import io.govflow.store.io.DataDirectory;
import io.govflow.store.io.LockManager;
import io.govflow.store.io.StoreHealth;
import io.govflow.store.io.StoreJson;
import io.govflow.store.knowledge.Discovery;
import io.govflow.store.knowledge.KnowledgeGraphCodec;
import io.govflow.store.knowledge.KnowledgeGraphRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The service on a real data directory with a fixed clock: unique ids, the rate limit window, ranking. */
class KnowledgeServiceTest {

    private static final Instant NOW = Instant.parse("2025-12-01T10:00:00.123456Z");

    @TempDir
    Path temp;

    private KnowledgeService service;
    private final Caller writer = Caller.ofAgent("writer_01");

    @BeforeEach
    void setUp() {
        service = service(Clock.fixed(NOW, ZoneOffset.UTC), 3);
    }

    private KnowledgeService service(Clock clock, int perHour) {
        StoreJson json = new StoreJson();
        DataDirectory dir = new DataDirectory(temp);
        AtomicJsonWriter writer = new AtomicJsonWriter(new AtomicFileWriter(new StoreHealth()), json);
        LockManager locks = new LockManager(dir, Duration.ofSeconds(5), Duration.ofMillis(100));
        MetadataRepository metadata = new MetadataRepository(dir, writer, locks, new MetadataCodec(json));
        if (metadata.find("writer_01").isEmpty()) {
            metadata.create(AgentRecord.newAgent("writer_01", "2025-12-01T00:00:00.000000", null));
        }
        GovflowProperties properties = new Binder(new MapConfigurationPropertySource(Map.of("govflow.data-dir",
                temp.toString(), "govflow.knowledge.max-stores-per-hour", String.valueOf(perHour))))
                .bindOrCreate("govflow", GovflowProperties.class);
        return new KnowledgeService(new KnowledgeGraphRepository(dir, writer, locks, new KnowledgeGraphCodec(json)),
                metadata, new RecordedTimes(properties), properties, clock);
    }

    private StoreDiscoveryCommand command(String summary, List<String> tags) {
        return new StoreDiscoveryCommand("writer_01", "insight", summary, "", tags, null, List.of(), true);
    }

    @Test
    void idsAreTheStoreTimestampMadeUniqueWithASuffix() {
        String first = service.store(writer, command("one", List.of())).discovery().id();
        String second = service.store(writer, command("two", List.of())).discovery().id();
        String third = service.store(writer, command("three", List.of())).discovery().id();

        assertThat(first).isEqualTo("2025-12-01T10:00:00.123456");
        assertThat(second).isEqualTo("2025-12-01T10:00:00.123456-2");
        assertThat(third).isEqualTo("2025-12-01T10:00:00.123456-3");
        assertThat(service.listForAgent("writer_01", null)).extracting(Discovery::id)
                .containsExactly(first, second, third);
    }

    @Test
    void theRateLimitCountsTheLastHourFromTheFile() {
        for (int i = 0; i < 3; i++) {
            service.store(writer, command("note " + i, List.of()));
        }
        assertThatThrownBy(() -> service.store(writer, command("one too many", List.of())))
                .isInstanceOfSatisfying(GovflowException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.RATE_LIMITED);
                    assertThat(e.retryAfterSeconds()).isBetween(1L, 3601L);
                });
        KnowledgeService anHourLater = service(Clock.fixed(NOW.plus(Duration.ofMinutes(61)), ZoneOffset.UTC), 3);
        assertThat(anHourLater.store(writer, command("fresh window", List.of())).discovery().summary())
                .isEqualTo("fresh window");
    }

    @Test
    void autoLinksRankByTagOverlapAndSearchRanksByText() {
        service = service(Clock.systemUTC(), 100);
        Discovery both = service.store(writer, command("Coherence drops on cold start", List.of("coherence",
                "cold-start"))).discovery();
        Discovery one = service.store(writer, command("Export row counts", List.of("export", "coherence")))
                .discovery();
        StoredDiscovery linked = service.store(writer, command("Cold start coherence again", List.of("Coherence ",
                "COLD-START")));

        assertThat(linked.discovery().tags()).containsExactly("coherence", "cold-start");
        assertThat(linked.discovery().relatedTo()).containsExactly(both.id(), one.id());
        List<Discovery> ranked = service.search(new DiscoveryQuery(null, List.of(), null, null, null,
                "cold start coherence", null));
        assertThat(ranked).extracting(Discovery::id).containsExactly(linked.discovery().id(), both.id(), one.id());
        assertThat(service.search(new DiscoveryQuery(null, List.of(), null, null, null, "export rows", null)))
                .extracting(Discovery::id).containsExactly(one.id());
        assertThat(service.search(new DiscoveryQuery(null, List.of("export"), null, null, null, null, null)))
                .extracting(Discovery::id).containsExactly(one.id());
    }
}
