package io.govflow.store.postgres;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.govflow.store.OnPostgresStore;
import io.govflow.store.dialectic.SessionCodec;
import io.govflow.store.io.StoreJson;
import io.govflow.store.knowledge.KnowledgeGraphCodec;

/**
 * {@code govflow.store.kind=postgres}: dialectic sessions, the knowledge graph, the decision thresholds and the
 * signing secret in the database, shared by every replica.
 */
@Configuration(proxyBeanMethods = false)
@OnPostgresStore
public class PostgresCollaborationStoreConfiguration {

    @Bean
    PostgresSessionStore postgresSessionStore(PostgresDatabase database, SessionCodec codec, StoreJson json) {
        return new PostgresSessionStore(database, codec, json);
    }

    @Bean
    PostgresKnowledgeGraphStore postgresKnowledgeGraphStore(PostgresDatabase database, KnowledgeGraphCodec codec,
            StoreJson json) {
        return new PostgresKnowledgeGraphStore(database, codec, json);
    }

    @Bean
    PostgresThresholdsStore postgresThresholdsStore(PostgresDatabase database, StoreJson json) {
        return new PostgresThresholdsStore(database, json);
    }

    @Bean
    PostgresSigningSecretStore postgresSigningSecretStore(PostgresDatabase database) {
        return new PostgresSigningSecretStore(database);
    }

    @Bean
    DocumentTransfer collaborationTransfer(PostgresDatabase database, SessionCodec sessionCodec,
            KnowledgeGraphCodec knowledgeCodec, StoreJson json) {
        return new CollaborationTransfer(database, sessionCodec, knowledgeCodec, json);
    }
}
