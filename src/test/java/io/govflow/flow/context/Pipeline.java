package io.govflow.flow.context;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;

import org.springframework.util.unit.DataSize;

import io.govflow.store.agent.AgentRecord;
import io.govflow.store.agent.MetadataCodec;
import io.govflow.store.agent.MetadataRepository;
import io.govflow.store.context.CanonicalJson;
import io.govflow.store.context.ContextEnvelopeCodec;
import io.govflow.store.context.ContextRepository;
import io.govflow.store.context.ContextStore;
import io.govflow.store.io.AtomicFileWriter;
import io.govflow.store.io.AtomicJsonWriter;
import io.govflow.store.io.DataDirectory;
import io.govflow.store.io.LockManager;
import io.govflow.store.io.StoreHealth;
import io.govflow.store.io.StoreJson;

/**
 * The write pipeline wired by hand on a data directory, with a given clock (no Spring); the context documents in
 * the directory's files, or in the store a test chooses.
 */
final class Pipeline {

    final ContextWriteFlow writes;
    final ContextStore repository;
    final DocumentCheck check;

    Pipeline(Path dataDir, Clock clock, long dataBudgetBytes, String... agents) {
        this(dataDir, clock, dataBudgetBytes, files -> files, agents);
    }

    /** {@code store} is given the file store of the directory and answers the context store to use. */
    Pipeline(Path dataDir, Clock clock, long dataBudgetBytes, Function<ContextRepository, ContextStore> store,
            String... agents) {
        StoreJson json = new StoreJson();
        StoreHealth health = new StoreHealth();
        DataDirectory directory = new DataDirectory(dataDir, health);
        AtomicFileWriter files = new AtomicFileWriter(health);
        LockManager locks = new LockManager(directory, Duration.ofSeconds(5), Duration.ofMillis(100));
        MetadataRepository metadata = new MetadataRepository(directory, new AtomicJsonWriter(files, json), locks,
                new MetadataCodec(json));
        for (String agent : agents) {
            metadata.create(AgentRecord.newAgent(agent, "2026-01-05T10:00:00.000000", "sha256:" + "0".repeat(64)));
        }
        ContextEnvelopeCodec codec = new ContextEnvelopeCodec(json);
        CanonicalJson canonical = new CanonicalJson(json);
        ContextProperties properties = new ContextProperties(DataSize.ofBytes(dataBudgetBytes), DataSize.ofKilobytes(4));
        repository = store.apply(new ContextRepository(directory, files, locks, health, json));
        check = new DocumentCheck(codec, canonical);
        EnvelopeFactory envelopes = new EnvelopeFactory(codec, canonical, properties);
        writes = new ContextWriteFlow(new Tenants(metadata), envelopes, new ContextPipelineParts(codec),
                new ContextStoreWrites(repository, codec, check, clock), repository, codec, properties, clock);
    }
}
