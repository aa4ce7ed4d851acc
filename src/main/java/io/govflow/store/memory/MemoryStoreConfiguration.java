package io.govflow.store.memory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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
    MetadataStore memoryMetadataStore(GovflowProperties properties) {
        return new BoundedLifecycleMetadata(new MemoryMetadataStore(), properties.lifecycle().maxEvents());
    }
}
