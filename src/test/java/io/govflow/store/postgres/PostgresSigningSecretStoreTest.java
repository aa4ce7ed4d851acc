package io.govflow.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.govflow.store.secret.ServerSecret;

/** The signing secret on a real PostgreSQL: created once, the same for every replica, never changed. */
class PostgresSigningSecretStoreTest {

    private MigratedDatabase db;

    @BeforeEach
    void setUp() {
        db = MigratedDatabase.create("secret");
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void replicasRacingToCreateTheSecretAllGetTheOneThatWon() throws Exception {
        List<PostgresSigningSecretStore> replicas = List.of(new PostgresSigningSecretStore(db.replica()),
                new PostgresSigningSecretStore(db.replica()));
        assertThat(replicas.get(0).loadIfPresent()).isEmpty();

        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<String> keys = new ArrayList<>();
        try {
            List<Future<String>> created = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                PostgresSigningSecretStore replica = replicas.get(i % 2);
                Callable<String> create = () -> HexFormat.of().formatHex(replica.loadOrCreate().key());
                created.add(pool.submit(create));
            }
            for (Future<String> f : created) {
                keys.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(keys).hasSize(16).containsOnly(keys.get(0));
        assertThat(keys.get(0)).matches("[0-9a-f]{64}");
        ServerSecret present = replicas.get(1).loadIfPresent().orElseThrow();
        assertThat(HexFormat.of().formatHex(present.key())).isEqualTo(keys.get(0));
        Integer rows = db.replica().read(jdbc -> jdbc.queryForObject("SELECT count(*) FROM signing_secret",
                Integer.class));
        assertThat(rows).isEqualTo(1);
    }

    @Test
    void theServiceRoleCanNeitherChangeNorDeleteTheSecret() {
        new PostgresSigningSecretStore(db.replica()).loadOrCreate();

        assertThatThrownBy(() -> db.asService("UPDATE signing_secret SET secret = repeat('0', 64)"))
                .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
        assertThatThrownBy(() -> db.asService("DELETE FROM signing_secret"))
                .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
    }

    @Test
    void aMalformedSecretIsRefusedByTheTable() {
        assertThatThrownBy(() -> db.asService("INSERT INTO signing_secret (secret) VALUES ('not-hex')"))
                .isInstanceOf(SQLException.class).hasMessageContaining("check constraint");
    }
}
