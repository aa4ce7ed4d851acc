package io.govflow.store.secret;

import java.util.Optional;

/**
 * Where the server's signing secret (the dialectic HMAC key) is kept. It is created once with create-if-absent
 * semantics, so every instance sharing the store ends up with the one secret that won; it never appears in a log,
 * an export or a response.
 */
public interface SigningSecretStore {

    /** The secret, created first when there is none. */
    ServerSecret loadOrCreate();

    /** The secret if it exists; never creates it (read-only checks, command-line tools). */
    Optional<ServerSecret> loadIfPresent();
}
