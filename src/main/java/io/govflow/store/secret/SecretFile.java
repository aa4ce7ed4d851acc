package io.govflow.store.secret;

import java.util.Optional;

import io.govflow.store.io.DataDirectory;
import io.govflow.store.io.StoreHealth;

/** The signing secret in the data directory's {@code .govflow-secret} file ({@link ServerSecret}). */
public final class SecretFile implements SigningSecretStore {

    private final DataDirectory dataDirectory;
    private final StoreHealth health;

    public SecretFile(DataDirectory dataDirectory, StoreHealth health) {
        this.dataDirectory = dataDirectory;
        this.health = health;
    }

    @Override
    public ServerSecret loadOrCreate() {
        return ServerSecret.loadOrCreate(dataDirectory, health);
    }

    @Override
    public Optional<ServerSecret> loadIfPresent() {
        return ServerSecret.loadIfPresent(dataDirectory);
    }
}
