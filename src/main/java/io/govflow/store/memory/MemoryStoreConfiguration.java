package io.govflow.store.memory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import io.govflow.config.GovflowProperties;
import io.govflow.store.agent.BoundedLifecycleMetadata;
import io.govflow.store.agent.MetadataStore;
import io.govflow.store.io.StoreJson;

/**
 * {@code govflow.store.kind=memory}: the agent stores in this process's heap instead of the data directory, behind
 * the same interfaces; the flows above them are unchanged. Lock files, exports, sessions, the knowledge graph and
 * context documents stay in the data directory. For benchmarks and tests only.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "govflow.store.kind", havingValue = "memory")
public class MemoryStoreConfiguration {

    @Bean
    MemoryUpdateLog memoryUpdateLog(StoreJson json) {
        return new MemoryUpdateLog(json);
    }

    @Bean
    MemoryStateStore memoryStateStore() {
        return new MemoryStateStore();
    }

    @Bean
    MemoryMetadataStore memoryMetadataStore() {
        return new MemoryMetadataStore();
    }

    /** The metadata store every flow uses: the heap store, keeping each agent's lifecycle events bounded. */
    @Bean
    @Primary
    MetadataStore metadataStore(MemoryMetadataStore memory, GovflowProperties properties) {
        return new BoundedLifecycleMetadata(memory, properties.lifecycle().maxEvents());
    }
}
