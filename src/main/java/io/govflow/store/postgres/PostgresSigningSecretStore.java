package io.govflow.store.postgres;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import io.govflow.error.ErrorCode;
import io.govflow.error.GovflowException;
import io.govflow.store.secret.ServerSecret;
import io.govflow.store.secret.SigningSecretStore;

/**
 * The signing secret in {@code signing_secret}, one row shared by every replica. Created once, atomically: each
 * replica offers a fresh random secret ({@code INSERT ... ON CONFLICT DO NOTHING}) and then reads the one row, so
 * every replica signs with the secret that won. The service's role can insert it but never change or delete it.
 * The secret is never logged.
 */
public final class PostgresSigningSecretStore implements SigningSecretStore {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresSigningSecretStore.class);

    private final PostgresDatabase database;

    public PostgresSigningSecretStore(PostgresDatabase database) {
        this.database = database;
    }

    @Override
    public ServerSecret loadOrCreate() {
        return database.read(jdbc -> {
            if (jdbc.update("INSERT INTO signing_secret (secret) VALUES (?) ON CONFLICT (singleton) DO NOTHING",
                    ServerSecret.newHex()) == 1) {
                LOG.info("Created the signing secret");
            }
            return stored(jdbc).orElseThrow(() -> damaged("it disappeared after it was created"));
        });
    }

    @Override
    public Optional<ServerSecret> loadIfPresent() {
        return database.read(PostgresSigningSecretStore::stored);
    }

    private static Optional<ServerSecret> stored(JdbcTemplate jdbc) {
        List<String> rows = jdbc.queryForList("SELECT secret FROM signing_secret", String.class);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(ServerSecret.fromHex(rows.get(0)).orElseThrow(() -> damaged(
                "expected 64 lower-case hex digits; restore it from a backup")));
    }

    private static GovflowException damaged(String why) {
        LOG.error("The signing secret row is not usable: {}", why);
        return new GovflowException(ErrorCode.STATE_CORRUPT, Map.of("file", "server_secret"));
    }
}
