package io.govflow.store.io;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The maintenance side of the lock manager: a non-blocking try that never creates a lock file and never takes a
 * lock someone holds (another thread, this thread, another process), and unlinking by the holder, after which every
 * waiter ends up on a new file (never two holders).
 */
class LockManagerTryAcquireTest {

    @TempDir
    Path root;

    private final ExecutorService other = Executors.newSingleThreadExecutor();

    @AfterEach
    void stopThreads() {
        other.shutdownNow();
    }

    @Test
    void neverCreatesALockFile() {
        LockManager locks = manager();
        assertThat(locks.tryAcquireExisting(LockKey.agent("nobody"))).isEmpty();
        assertThat(root.resolve("agents/.nobody_state.lock")).doesNotExist();
    }

    @Test
    void aLockHeldElsewhereIsNotTaken() throws Exception {
        LockManager locks = manager();
        LockKey key = LockKey.agent("busy");
        Path file = root.resolve(key.relativePath());
        try (LockHandle mine = locks.acquire(key)) {
            assertThat(locks.tryAcquireExisting(key)).as("held by this thread").isEmpty();
            assertThat(other.submit(() -> locks.tryAcquireExisting(key).isPresent()).get()).as("another thread")
                    .isFalse();
        }
        try (ChildJvm child = ChildJvm.start("hold", file.toString(), "600000")) {
            assertThat(child.firstLine()).isEqualTo("LOCKED");
            assertThat(locks.tryAcquireExisting(key)).as("another process").isEmpty();
            child.kill();
        }
        Optional<LockHandle> free = locks.tryAcquireExisting(key);
        assertThat(free).isPresent();
        try (LockHandle held = free.get()) {
            assertThat(ChildJvm.probe(file)).isEqualTo("BUSY");
            assertThat(other.submit(() -> locks.tryAcquireExisting(key).isPresent()).get()).isFalse();
        }
        assertThat(ChildJvm.probe(file)).isEqualTo("FREE");
    }

    @Test
    void theHolderUnlinksAndAWaitingThreadGetsANewFile() throws Exception {
        LockManager locks = manager();
        LockKey key = LockKey.agent("orphan");
        Path file = root.resolve(key.relativePath());
        locks.acquire(key).close();
        LockHandle held = locks.tryAcquireExisting(key).orElseThrow();
        CountDownLatch started = new CountDownLatch(1);
        Future<Boolean> waiter = other.submit(() -> {
            started.countDown();
            try (LockHandle ignored = locks.acquire(key)) {
                return Files.exists(file) && ChildJvm.probe(file).equals("BUSY");
            }
        });
        started.await();
        locks.deleteHeldLockFile(held);
        assertThat(file).doesNotExist();
        held.close();
        assertThat(waiter.get(30, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aProcessWaitingOnTheUnlinkedFileRetriesOnANewOne() throws Exception {
        LockManager locks = manager();
        LockKey key = LockKey.agent("contested");
        Path file = root.resolve(key.relativePath());
        locks.acquire(key).close();
        LockHandle held = locks.tryAcquireExisting(key).orElseThrow();
        Process child = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                ManagedLockMain.class.getName(), root.toString(), "contested", "600000"))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            assertThat(line(out)).isEqualTo("WAITING");
            Thread.sleep(500); // let the child open the old file and poll it (the outcome must not depend on this)
            locks.deleteHeldLockFile(held);
            held.close();
            assertThat(line(out)).isEqualTo("LOCKED");
            assertThat(file).exists();
            assertThat(ChildJvm.probe(file)).as("the child holds the file at the path").isEqualTo("BUSY");
            assertThat(locks.tryAcquireExisting(key)).isEmpty();
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** The child's next line that is not a log line (its logging goes to stdout too). */
    private static String line(BufferedReader out) throws Exception {
        return CompletableFuture.supplyAsync(() -> {
            try {
                String line = out.readLine();
                while (line != null && !line.equals("WAITING") && !line.equals("LOCKED")) {
                    line = out.readLine();
                }
                return line;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).get(60, TimeUnit.SECONDS);
    }

    private LockManager manager() {
        return new LockManager(new DataDirectory(root), Duration.ofSeconds(20), Duration.ofMillis(20));
    }
}
