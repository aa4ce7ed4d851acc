package io.govflow.store;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.govflow.store.dialectic.SessionCatalog;
import io.govflow.store.dialectic.SessionCodec;
import io.govflow.store.dialectic.SessionRepository;
import io.govflow.store.io.AtomicJsonWriter;
import io.govflow.store.io.DataDirectory;
import io.govflow.store.io.LockManager;
import io.govflow.store.io.StoreHealth;
import io.govflow.store.io.StoreJson;
import io.govflow.store.knowledge.KnowledgeGraphCodec;
import io.govflow.store.knowledge.KnowledgeGraphRepository;
import io.govflow.store.secret.SecretFile;

/**
 * The store beans of the collaborative documents: dialectic sessions, the knowledge graph and the signing secret.
 * The codecs serve every store; the files only the stores on the data directory (PostgreSQL has its own).
 */
@Configuration(proxyBeanMethods = false)
public class CollaborationStoreConfiguration {

    @Bean
    SessionCodec sessionCodec(StoreJson json) {
        return new SessionCodec(json);
    }

    @Bean
    @OnDataDirectoryStore
    SessionRepository sessionRepository(DataDirectory dataDirectory, AtomicJsonWriter writer, SessionCodec codec) {
        return new SessionRepository(dataDirectory, writer, codec);
    }

    /** Parsed session files for scans (the governance.dialectic context document). */
    @Bean
    @OnDataDirectoryStore
    SessionCatalog sessionCatalog(DataDirectory dataDirectory, SessionCodec codec) {
        return new SessionCatalog(dataDirectory, codec);
    }

    @Bean
    KnowledgeGraphCodec knowledgeGraphCodec(StoreJson json) {
        return new KnowledgeGraphCodec(json);
    }

    @Bean
    @OnDataDirectoryStore
    KnowledgeGraphRepository knowledgeGraphRepository(DataDirectory dataDirectory, AtomicJsonWriter writer,
            LockManager locks, KnowledgeGraphCodec codec) {
        return new KnowledgeGraphRepository(dataDirectory, writer, locks, codec);
    }

    @Bean
    @OnDataDirectoryStore
    SecretFile secretFile(DataDirectory dataDirectory, StoreHealth health) {
        return new SecretFile(dataDirectory, health);
    }
}
