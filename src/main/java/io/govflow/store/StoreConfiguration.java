package io.govflow.store;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import io.govflow.config.GovflowProperties;
import io.govflow.store.agent.BoundedLifecycleMetadata;
import io.govflow.store.agent.MetadataCodec;
import io.govflow.store.agent.MetadataRepository;
import io.govflow.store.agent.MetadataStore;
import io.govflow.store.agent.StateFileCodec;
import io.govflow.store.agent.StateFileRepository;
import io.govflow.store.agent.UpdateLog;
import io.govflow.store.io.AtomicFileWriter;
import io.govflow.store.io.AtomicJsonWriter;
import io.govflow.store.io.DataDirectory;
import io.govflow.store.io.Fsync;
import io.govflow.store.io.LockManager;
import io.govflow.store.io.LockObserver;
import io.govflow.store.io.StoreHealth;
import io.govflow.store.io.StoreJson;
import io.govflow.store.io.TempFileSweeper;

/**
 * The store's beans, built from {@code govflow.*}. A {@link Clock}, {@link LockObserver} or {@link Fsync} bean
 * (e.g. one that measures) is used if present. The agent stores (update logs, state checkpoints, metadata) are the
 * file store's unless {@code govflow.store.kind=memory} ({@link io.govflow.store.memory.MemoryStoreConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
public class StoreConfiguration {

    @Bean
    StoreJson storeJson() {
        return new StoreJson();
    }

    @Bean
    StoreHealth storeHealth(GovflowProperties properties, ObjectProvider<Clock> clock) {
        return new StoreHealth(properties.dataDir(), clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    DataDirectory dataDirectory(GovflowProperties properties, StoreHealth health, ObjectProvider<Fsync> fsync) {
        return new DataDirectory(properties.dataDir(), health, fsync.getIfAvailable(() -> Fsync.SYSTEM));
    }

    @Bean
    @OnDataDirectoryStore
    LockManager lockManager(DataDirectory dataDirectory, GovflowProperties properties,
            ObjectProvider<LockObserver> observer) {
        return new LockManager(dataDirectory, properties.lock().timeout(), properties.lock().retry(),
                observer.getIfAvailable(() -> LockObserver.NONE));
    }

    @Bean
    AtomicFileWriter atomicFileWriter(StoreHealth health, ObjectProvider<Fsync> fsync, DataDirectory dataDirectory) {
        return new AtomicFileWriter(health, fsync.getIfAvailable(() -> Fsync.SYSTEM), dataDirectory);
    }

    @Bean
    AtomicJsonWriter atomicJsonWriter(AtomicFileWriter files, StoreJson json) {
        return new AtomicJsonWriter(files, json);
    }

    @Bean
    TempFileSweeper tempFileSweeper(DataDirectory dataDirectory, GovflowProperties properties,
            ObjectProvider<Clock> clock) {
        return new TempFileSweeper(dataDirectory, properties.store().tempMaxAge(),
                clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    @ConditionalOnProperty(name = "govflow.store.kind", havingValue = "file", matchIfMissing = true)
    UpdateLog updateLog(DataDirectory dataDirectory, AtomicFileWriter files, StoreHealth health, StoreJson json,
            ObjectProvider<Clock> clock, ObjectProvider<Fsync> fsync) {
        return new UpdateLog(dataDirectory, files, health, json, clock.getIfAvailable(Clock::systemUTC),
                fsync.getIfAvailable(() -> Fsync.SYSTEM));
    }

    @Bean
    StateFileCodec stateFileCodec(StoreJson json) {
        return new StateFileCodec(json);
    }

    @Bean
    @ConditionalOnProperty(name = "govflow.store.kind", havingValue = "file", matchIfMissing = true)
    StateFileRepository stateFileRepository(DataDirectory dataDirectory, AtomicJsonWriter writer,
            StateFileCodec codec, StoreHealth health) {
        return new StateFileRepository(dataDirectory, writer, codec, health);
    }

    @Bean
    MetadataCodec metadataCodec(StoreJson json) {
        return new MetadataCodec(json);
    }

    @Bean
    @ConditionalOnProperty(name = "govflow.store.kind", havingValue = "file", matchIfMissing = true)
    MetadataRepository metadataRepository(DataDirectory dataDirectory, AtomicJsonWriter writer, LockManager locks,
            MetadataCodec codec) {
        return new MetadataRepository(dataDirectory, writer, locks, codec);
    }

    /** The metadata store every flow uses: the repository, keeping each agent's lifecycle events bounded. */
    @Bean
    @Primary
    @ConditionalOnProperty(name = "govflow.store.kind", havingValue = "file", matchIfMissing = true)
    MetadataStore metadataStore(MetadataRepository repository, GovflowProperties properties) {
        return new BoundedLifecycleMetadata(repository, properties.lifecycle().maxEvents());
    }
}
