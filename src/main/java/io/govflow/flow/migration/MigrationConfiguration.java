package io.govflow.flow.migration;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.govflow.config.GovflowProperties;
import io.govflow.flow.consistency.ConsistencyChecker;
import io.govflow.store.agent.AgentFiles;
import io.govflow.store.agent.UpdateLogStore;
import io.govflow.store.agent.MetadataStore;
import io.govflow.store.agent.StateStore;
import io.govflow.store.io.DataDirectory;
import io.govflow.flow.maintenance.StoreKind;
import io.govflow.store.io.LockManager;
import io.govflow.store.io.StoreHealth;
import io.govflow.store.migration.KeyFieldRewriter;

/** The migration services as beans, for the server and for the command line's context alike. */
@Configuration(proxyBeanMethods = false)
public class MigrationConfiguration {

    @Bean
    ReferenceMigration referenceMigration(DataDirectory dataDirectory, LockManager locks, MetadataStore metadata,
            StateStore stateFiles, UpdateLogStore updateLog, AgentFiles agentFiles, KeyFieldRewriter keyRewriter,
            ConsistencyChecker checker, StoreHealth storeHealth, Clock clock, GovflowProperties properties) {
        return new ReferenceMigration(dataDirectory, locks, metadata, stateFiles, updateLog, agentFiles, keyRewriter,
                checker, storeHealth, clock, properties.history().window(), StoreKind.of(properties));
    }

    @Bean
    OrphanAdoption orphanAdoption(LockManager locks, MetadataStore metadata, StateStore stateFiles,
            UpdateLogStore updateLog, AgentFiles agentFiles, StoreHealth storeHealth, Clock clock,
            GovflowProperties properties) {
        return new OrphanAdoption(locks, metadata, stateFiles, updateLog, agentFiles, storeHealth, clock,
                properties.history().window(), StoreKind.of(properties));
    }
}
