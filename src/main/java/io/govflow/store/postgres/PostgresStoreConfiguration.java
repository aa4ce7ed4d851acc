package io.govflow.store.postgres;

import java.time.Duration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;

import com.zaxxer.hikari.HikariDataSource;

import io.govflow.config.GovflowProperties;
import io.govflow.store.OnPostgresStore;
import io.govflow.store.agent.BoundedLifecycleMetadata;
import io.govflow.store.agent.MetadataCodec;
import io.govflow.store.agent.MetadataStore;
import io.govflow.store.agent.StateFileCodec;
import io.govflow.store.io.DataDirectory;
import io.govflow.store.io.LockManager;
import io.govflow.store.io.LockObserver;
import io.govflow.store.io.StoreJson;

/**
 * {@code govflow.store.kind=postgres}: every store in the database of {@code spring.datasource.*}, behind the same
 * interfaces as the file store; the flows above them are unchanged.
 */
@Configuration(proxyBeanMethods = false)
@OnPostgresStore
public class PostgresStoreConfiguration {

    /** How long start-up waits for the database to accept the migrations. */
    static final Duration STARTUP_WAIT = Duration.ofSeconds(60);

    @Bean
    PostgresConnections.Settings postgresSettings(Environment environment, GovflowProperties properties) {
        PostgresConnections.Settings settings = PostgresConnections.settings(environment, properties.postgres());
        PostgresConnections.migrate(settings, STARTUP_WAIT);
        return settings;
    }

    @Bean(destroyMethod = "close")
    HikariDataSource postgresDataSource(PostgresConnections.Settings settings, Environment environment,
            GovflowProperties properties) {
        return PostgresConnections.pool(settings, environment, properties.lock().timeout());
    }

    @Bean
    PostgresDatabase postgresDatabase(HikariDataSource dataSource) {
        return new PostgresDatabase(dataSource);
    }

    @Bean(destroyMethod = "close")
    PostgresAdvisoryLocks postgresAdvisoryLocks(PostgresConnections.Settings settings, GovflowProperties properties) {
        return new PostgresAdvisoryLocks(settings, properties.postgres().lockConnections(), properties.lock().retry());
    }

    /** The service's one lock manager: the in-JVM layer and the lock order as ever, advisory locks across replicas. */
    @Bean
    LockManager lockManager(DataDirectory dataDirectory, GovflowProperties properties,
            ObjectProvider<LockObserver> observer, PostgresAdvisoryLocks advisoryLocks) {
        return new LockManager(dataDirectory, properties.lock().timeout(), properties.lock().retry(),
                observer.getIfAvailable(() -> LockObserver.NONE), advisoryLocks);
    }

    @Bean
    PostgresUpdateLog postgresUpdateLog(PostgresDatabase db, StoreJson json) {
        return new PostgresUpdateLog(db, json);
    }

    @Bean
    PostgresStateStore postgresStateStore(PostgresDatabase db, StateFileCodec codec) {
        return new PostgresStateStore(db, codec);
    }

    @Bean
    PostgresMetadataStore postgresMetadataStore(PostgresDatabase db, MetadataCodec codec, StoreJson json) {
        return new PostgresMetadataStore(db, codec, json);
    }

    /** Its own store objects on the database, so that a wrapped store bean (metrics, tests) does not matter. */
    @Bean
    StoreTransfer storeTransfer(PostgresDatabase db, StoreJson json, MetadataCodec metadataCodec,
            StateFileCodec stateCodec, ObjectProvider<DocumentTransfer> documents) {
        return new StoreTransfer(new PostgresMetadataStore(db, metadataCodec, json), new PostgresUpdateLog(db, json),
                new PostgresStateStore(db, stateCodec), metadataCodec, stateCodec, documents.orderedStream().toList());
    }

    /** The metadata store every flow uses: the table, keeping each agent's lifecycle events bounded. */
    @Bean
    @Primary
    MetadataStore metadataStore(PostgresMetadataStore table, GovflowProperties properties) {
        return new BoundedLifecycleMetadata(table, properties.lifecycle().maxEvents());
    }
}
