package io.govflow.store.io;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Run in a child JVM: {@code <dataDir> <agentId> <holdMillis>} takes the agent's lock through a {@link LockManager}
 * (30 s deadline), prints WAITING before and LOCKED once it holds it, then sleeps and exits.
 */
public final class ManagedLockMain {

    private ManagedLockMain() {
    }

    public static void main(String[] args) throws Exception {
        LockManager locks = new LockManager(new DataDirectory(Path.of(args[0])), Duration.ofSeconds(30),
                Duration.ofMillis(20));
        System.out.println("WAITING");
        System.out.flush();
        try (LockHandle ignored = locks.acquire(LockKey.agent(args[1]))) {
            System.out.println("LOCKED");
            System.out.flush();
            Thread.sleep(Long.parseLong(args[2]));
        }
    }
}
