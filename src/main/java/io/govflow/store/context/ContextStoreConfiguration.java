package io.govflow.store.context;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.govflow.store.OnDataDirectoryStore;
import io.govflow.store.io.AtomicFileWriter;
import io.govflow.store.io.DataDirectory;
import io.govflow.store.io.LockManager;
import io.govflow.store.io.StoreHealth;
import io.govflow.store.io.StoreJson;

/**
 * The context store's beans (kept beside the package so the shared store configuration stays untouched): the
 * codecs for every store kind, the files of the data directory unless the PostgreSQL store keeps the documents.
 */
@Configuration(proxyBeanMethods = false)
public class ContextStoreConfiguration {

    @Bean
    @OnDataDirectoryStore
    ContextRepository contextRepository(DataDirectory dataDirectory, AtomicFileWriter writer, LockManager locks,
            StoreHealth health, StoreJson json) {
        return new ContextRepository(dataDirectory, writer, locks, health, json);
    }

    @Bean
    ContextEnvelopeCodec contextEnvelopeCodec(StoreJson json) {
        return new ContextEnvelopeCodec(json);
    }

    @Bean
    CanonicalJson canonicalJson(StoreJson json) {
        return new CanonicalJson(json);
    }
}
