package io.govflow.store;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.govflow.store.agent.AgentBackups;
import io.govflow.store.agent.AgentFiles;
import io.govflow.store.agent.MetadataCodec;
import io.govflow.store.io.AtomicFileWriter;
import io.govflow.store.io.AtomicJsonWriter;
import io.govflow.store.io.DataDirectory;
import io.govflow.store.io.LockFiles;
import io.govflow.store.io.LockManager;
import io.govflow.store.io.StoreJson;
import io.govflow.store.migration.KeyFieldRewriter;
import io.govflow.store.thresholds.ThresholdsRepository;

/** The store's beans for agent lifecycle, thresholds, migration and lock maintenance. */
@Configuration(proxyBeanMethods = false)
public class LifecycleStoreConfiguration {

    @Bean
    @OnDataDirectoryStore
    ThresholdsRepository thresholdsRepository(DataDirectory dataDirectory, AtomicJsonWriter writer, LockManager locks,
            StoreJson json, ObjectProvider<Clock> clock) {
        return new ThresholdsRepository(dataDirectory, writer, locks, json, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    AgentFiles agentFiles(DataDirectory dataDirectory) {
        return new AgentFiles(dataDirectory);
    }

    @Bean
    AgentBackups agentBackups(DataDirectory dataDirectory, AtomicJsonWriter writer, MetadataCodec codec,
            StoreJson json) {
        return new AgentBackups(dataDirectory, writer, codec, json);
    }

    @Bean
    KeyFieldRewriter keyFieldRewriter(AtomicFileWriter writer, StoreJson json) {
        return new KeyFieldRewriter(writer, json);
    }

    @Bean
    LockFiles lockFiles(DataDirectory dataDirectory) {
        return new LockFiles(dataDirectory);
    }
}
