package io.govflow.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import io.govflow.store.context.ContextRepository;
import io.govflow.store.context.ContextStore;
import io.govflow.store.context.ContextStoreConfiguration;
import io.govflow.store.io.AtomicFileWriter;
import io.govflow.store.io.DataDirectory;
import io.govflow.store.io.LockManager;
import io.govflow.store.io.StoreHealth;
import io.govflow.store.io.StoreJson;

/** Exactly one context store per store kind: the database's for postgres, the data directory's otherwise. */
class ContextStoreWiringTest {

    @TempDir
    Path dataDir;

    private ApplicationContextRunner runner() {
        StoreHealth health = new StoreHealth();
        DataDirectory directory = new DataDirectory(dataDir, health);
        return new ApplicationContextRunner()
                .withUserConfiguration(ContextStoreConfiguration.class, PostgresContextStoreConfiguration.class)
                .withBean(StoreJson.class, StoreJson::new)
                .withBean(StoreHealth.class, () -> health)
                .withBean(DataDirectory.class, () -> directory)
                .withBean(AtomicFileWriter.class, () -> new AtomicFileWriter(health))
                .withBean(LockManager.class, () -> new LockManager(directory, Duration.ofSeconds(1),
                        Duration.ofMillis(50)))
                // never connected: building the store must not touch the database
                .withBean(PostgresDatabase.class, () -> new PostgresDatabase(
                        new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:9/absent")));
    }

    @Test
    void thePostgresStoreKeepsTheContextInTheDatabase() {
        runner().withPropertyValues("govflow.store.kind=postgres").run(context -> {
            assertThat(context).hasSingleBean(ContextStore.class).doesNotHaveBean(ContextRepository.class);
            assertThat(context.getBean(ContextStore.class)).isInstanceOf(PostgresContextStore.class);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"file", "memory"})
    void theOtherStoresKeepItInTheDataDirectory(String kind) {
        runner().withPropertyValues("govflow.store.kind=" + kind).run(context -> {
            assertThat(context).hasSingleBean(ContextStore.class).doesNotHaveBean(PostgresContextStore.class);
            assertThat(context.getBean(ContextStore.class)).isInstanceOf(ContextRepository.class);
        });
    }
}
