package io.govflow.store.io;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Run in a child JVM: {@code <dataDir> <holdMillis>} takes the global metadata lock through a {@link LockManager},
 * prints LOCKED once it holds it, sleeps, then releases it and exits.
 */
public final class MetadataLockMain {

    private MetadataLockMain() {
    }

    public static void main(String[] args) throws Exception {
        LockManager locks = new LockManager(new DataDirectory(Path.of(args[0])), Duration.ofSeconds(30),
                Duration.ofMillis(20));
        try (LockHandle ignored = locks.acquire(LockKey.metadata())) {
            System.out.println("LOCKED");
            System.out.flush();
            Thread.sleep(Long.parseLong(args[1]));
        }
    }
}
