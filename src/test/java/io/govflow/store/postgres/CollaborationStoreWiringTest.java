package io.govflow.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.govflow.store.CollaborationStoreConfiguration;
import io.govflow.store.LifecycleStoreConfiguration;
import io.govflow.store.agent.MetadataCodec;
import io.govflow.store.dialectic.SessionCatalog;
import io.govflow.store.dialectic.SessionListing;
import io.govflow.store.dialectic.SessionRepository;
import io.govflow.store.dialectic.SessionStore;
import io.govflow.store.io.AtomicFileWriter;
import io.govflow.store.io.AtomicJsonWriter;
import io.govflow.store.io.DataDirectory;
import io.govflow.store.io.LockManager;
import io.govflow.store.io.StoreHealth;
import io.govflow.store.io.StoreJson;
import io.govflow.store.knowledge.KnowledgeGraphRepository;
import io.govflow.store.knowledge.KnowledgeGraphStore;
import io.govflow.store.secret.SecretFile;
import io.govflow.store.secret.SigningSecretStore;
import io.govflow.store.thresholds.ThresholdsRepository;
import io.govflow.store.thresholds.ThresholdsStore;

/** Which implementation the flows get for each store kind: the files, or the database for kind=postgres. */
class CollaborationStoreWiringTest {

    @TempDir
    Path temp;

    private ApplicationContextRunner runner() {
        StoreJson json = new StoreJson();
        StoreHealth health = new StoreHealth();
        DataDirectory dir = new DataDirectory(temp);
        AtomicFileWriter files = new AtomicFileWriter(health);
        return new ApplicationContextRunner()
                .withUserConfiguration(CollaborationStoreConfiguration.class, LifecycleStoreConfiguration.class,
                        PostgresCollaborationStoreConfiguration.class)
                .withBean(StoreJson.class, () -> json).withBean(StoreHealth.class, () -> health)
                .withBean(DataDirectory.class, () -> dir).withBean(AtomicFileWriter.class, () -> files)
                .withBean(AtomicJsonWriter.class, () -> new AtomicJsonWriter(files, json))
                .withBean(LockManager.class, () -> new LockManager(dir, Duration.ofSeconds(5), Duration.ofMillis(50)))
                .withBean(MetadataCodec.class, () -> new MetadataCodec(json));
    }

    @Test
    void theFileAndMemoryStoresKeepTheseDocumentsInTheDataDirectory() {
        for (String kind : new String[] { "file", "memory" }) {
            runner().withPropertyValues("govflow.store.kind=" + kind).run(context -> {
                assertThat(context).hasNotFailed();
                assertThat(context.getBean(SessionStore.class)).isInstanceOf(SessionRepository.class);
                assertThat(context.getBean(SessionListing.class)).isInstanceOf(SessionCatalog.class);
                assertThat(context.getBean(KnowledgeGraphStore.class)).isInstanceOf(KnowledgeGraphRepository.class);
                assertThat(context.getBean(ThresholdsStore.class)).isInstanceOf(ThresholdsRepository.class);
                assertThat(context.getBean(SigningSecretStore.class)).isInstanceOf(SecretFile.class);
            });
        }
    }

    @Test
    void thePostgresStoreKeepsThemInTheDatabaseOnly() {
        try (MigratedDatabase db = MigratedDatabase.create("wiring")) {
            PostgresDatabase database = db.replica();
            runner().withPropertyValues("govflow.store.kind=postgres")
                    .withBean(PostgresDatabase.class, () -> database).run(context -> {
                        assertThat(context).hasNotFailed();
                        assertThat(context.getBean(SessionStore.class)).isInstanceOf(PostgresSessionStore.class)
                                .isSameAs(context.getBean(SessionListing.class));
                        assertThat(context.getBean(KnowledgeGraphStore.class))
                                .isInstanceOf(PostgresKnowledgeGraphStore.class);
                        assertThat(context.getBean(ThresholdsStore.class)).isInstanceOf(PostgresThresholdsStore.class);
                        assertThat(context.getBean(SigningSecretStore.class))
                                .isInstanceOf(PostgresSigningSecretStore.class);
                        assertThat(context).doesNotHaveBean(SessionRepository.class)
                                .doesNotHaveBean(SessionCatalog.class).doesNotHaveBean(SecretFile.class);
                    });
        }
    }
}
