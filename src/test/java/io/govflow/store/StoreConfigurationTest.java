package io.govflow.store;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import io.govflow.config.GovflowProperties;
import io.govflow.store.agent.MetadataRepository;
import io.govflow.store.agent.StateFileRepository;
import io.govflow.store.agent.UpdateLog;
import io.govflow.store.io.AtomicJsonWriter;
import io.govflow.store.io.DataDirectory;
import io.govflow.store.io.LockManager;
import io.govflow.store.io.StoreHealth;
import io.govflow.store.io.TempFileSweeper;

import static org.assertj.core.api.Assertions.assertThat;

class StoreConfigurationTest {

    @TempDir
    Path dataDir;

    @Test
    void buildsTheStoreFromGovflowPropertiesWithoutTouchingTheDisk() {
        new ApplicationContextRunner()
                .withUserConfiguration(Properties.class, StoreConfiguration.class)
                .withPropertyValues("govflow.data-dir=" + dataDir, "govflow.lock.timeout=2s")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(DataDirectory.class).root()).isEqualTo(dataDir.toAbsolutePath());
                    assertThat(context).hasSingleBean(LockManager.class).hasSingleBean(AtomicJsonWriter.class)
                            .hasSingleBean(StoreHealth.class).hasSingleBean(UpdateLog.class)
                            .hasSingleBean(StateFileRepository.class).hasSingleBean(MetadataRepository.class)
                            .hasSingleBean(TempFileSweeper.class);
                    assertThat(context.getBean(MetadataRepository.class).readAll()).isEmpty();
                    try (var files = Files.list(dataDir)) {
                        assertThat(files).isEmpty();
                    }
                });
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(GovflowProperties.class)
    static class Properties {
    }
}
