package io.govflow.store.postgres;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.govflow.store.OnPostgresStore;
import io.govflow.store.io.StoreJson;

/** The context documents and manifests of the PostgreSQL store. */
@Configuration(proxyBeanMethods = false)
@OnPostgresStore
public class PostgresContextStoreConfiguration {

    @Bean
    PostgresContextStore postgresContextStore(PostgresDatabase database, StoreJson json) {
        return new PostgresContextStore(database, json);
    }

    @Bean
    DocumentTransfer contextTransfer(PostgresDatabase database, StoreJson json) {
        return new ContextTransfer(database, new PostgresContextStore(database, json), json);
    }
}
