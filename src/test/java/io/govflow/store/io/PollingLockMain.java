package io.govflow.store.io;

import java.nio.file.Path;
import java.time.Duration;

import io.govflow.error.GovflowException;

/**
 * Run in a child JVM: {@code <dataDir> <agentId> <timeoutMillis> <retryMillis>} tries once to take the agent's
 * lock through a {@link LockManager}; prints READY before, then LOCKED or TIMEOUT.
 */
public final class PollingLockMain {

    private PollingLockMain() {
    }

    public static void main(String[] args) {
        LockManager locks = new LockManager(new DataDirectory(Path.of(args[0])),
                Duration.ofMillis(Long.parseLong(args[2])), Duration.ofMillis(Long.parseLong(args[3])));
        System.out.println("READY");
        System.out.flush();
        try (LockHandle ignored = locks.acquire(LockKey.agent(args[1]))) {
            System.out.println("LOCKED");
        } catch (GovflowException e) {
            System.out.println("TIMEOUT");
        }
        System.out.flush();
    }
}
