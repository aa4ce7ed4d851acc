package io.govflow.store.io;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.govflow.error.ErrorCode;
import io.govflow.error.GovflowException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LockManagerTest {

    private static final Duration SHORT = Duration.ofMillis(300);
    private static final Duration RETRY = Duration.ofMillis(20);

    @TempDir
    Path root;

    private final ExecutorService other = Executors.newSingleThreadExecutor();
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final LockObserver recorder = new LockObserver() {
        @Override
        public void onAcquired(LockKey key, Duration waited) {
            events.add("acquired " + key);
        }

        @Override
        public void onTimeout(LockKey key) {
            events.add("timeout " + key);
        }
    };

    @AfterEach
    void stopThreads() {
        other.shutdownNow();
    }

    @Test
    void aPlantedSymlinkIsNeverLockedThrough() throws Exception {
        Path outside = Files.writeString(root.resolve("outside.txt"), "not a lock");
        Files.createDirectories(root.resolve("agents"));
        Files.createSymbolicLink(root.resolve("agents/.linked_agent_state.lock"), outside);
        LockManager locks = manager(SHORT);

        assertThatThrownBy(() -> locks.acquire(LockKey.agent("linked_agent"))).isInstanceOf(GovflowException.class);
        assertThat(Files.readString(outside)).isEqualTo("not a lock");
    }

    @Test
    void lockFilesAreCreatedOnFirstAcquisitionAndNeverDeleted() throws Exception {
        LockManager locks = manager(SHORT);
        Path file = root.resolve("dialectic_sessions/.s1.lock");
        assertThat(file).doesNotExist();

        try (LockHandle handle = locks.acquire(LockKey.session("s1"))) {
            assertThat(handle.key()).isEqualTo(LockKey.session("s1"));
            assertThat(file).exists().isEmptyFile();
        }

        assertThat(file).exists().isEmptyFile();
        assertThat(events).containsExactly("acquired session:s1");
    }

    @Test
    void anotherThreadTimesOutWithLockTimeoutAndRetryAfter() throws Exception {
        LockManager locks = manager(SHORT);
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        Future<?> holder = other.submit(() -> {
            try (LockHandle ignored = locks.acquire(LockKey.agent("a1"))) {
                held.countDown();
                done.await();
            }
            return null;
        });
        held.await();

        long start = System.nanoTime();
        assertThatThrownBy(() -> locks.acquire(LockKey.agent("a1"))).isInstanceOfSatisfying(GovflowException.class,
                e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.LOCK_TIMEOUT);
                    assertThat(e.retryAfterSeconds()).isEqualTo(1L);
                    assertThat(e.details()).containsEntry("resource", "agent");
                });
        long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertThat(waitedMillis).isBetween(250L, 5_000L);
        assertThat(events).contains("timeout agent:a1");
        done.countDown();
        holder.get();
        try (LockHandle ignored = locks.acquire(LockKey.agent("a1"))) {
            assertThat(locks.isHeldByCurrentThread(LockKey.agent("a1"))).isTrue();
        }
    }

    @Test
    void reentrantAcquisitionKeepsTheOsLockUntilTheOutermostRelease() throws Exception {
        LockManager locks = manager(SHORT);
        Path file = root.resolve("agents/.a1_state.lock");

        try (LockHandle outer = locks.acquire(LockKey.agent("a1"))) {
            try (LockHandle inner = locks.acquire(LockKey.agent("a1"))) {
                assertThat(inner.key()).isEqualTo(outer.key());
            }
            assertThat(ChildJvm.probe(file)).isEqualTo("BUSY");
            assertThatThrownBy(() -> other.submit(() -> locks.acquire(LockKey.agent("a1")).close()).get())
                    .hasCauseInstanceOf(GovflowException.class);
        }

        other.submit(() -> locks.acquire(LockKey.agent("a1")).close()).get();
        assertThat(ChildJvm.probe(file)).isEqualTo("FREE");
        assertThat(events.stream().filter(e -> e.equals("acquired agent:a1"))).hasSize(2);
    }

    @Test
    void aLockHeldByAnotherProcessTimesOutAndIsAcquiredOnceThatProcessDies() throws Exception {
        LockManager locks = manager(SHORT);
        Path file = root.resolve(".metadata.lock");
        try (ChildJvm child = ChildJvm.start("hold", file.toString(), "600000")) {
            assertThat(child.firstLine()).isEqualTo("LOCKED");

            assertThatThrownBy(() -> locks.acquire(LockKey.metadata())).isInstanceOfSatisfying(GovflowException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.LOCK_TIMEOUT));

            child.kill();
        }
        try (LockHandle ignored = locks.acquire(LockKey.metadata())) {
            assertThat(ChildJvm.probe(file)).isEqualTo("BUSY");
        }
    }

    @Test
    void aLockFileUnlinkedByItsHolderIsRetriedOnTheNewFile() throws Exception {
        LockManager locks = manager(Duration.ofSeconds(20));
        Path file = root.resolve(".knowledge_graph.lock");
        try (ChildJvm child = ChildJvm.start("hold-then-unlink", file.toString(), "1000")) {
            assertThat(child.firstLine()).isEqualTo("LOCKED");

            try (LockHandle ignored = locks.acquire(LockKey.knowledgeGraph())) {
                assertThat(child.awaitExit()).isTrue();
                assertThat(file).exists();
                assertThat(ChildJvm.probe(file)).isEqualTo("BUSY");
            }
        }
    }

    @Test
    void managersOnTheSameDirectoryShareTheInJvmLayer() throws Exception {
        LockManager first = manager(SHORT);
        LockManager second = manager(SHORT);
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        Future<?> holder = other.submit(() -> {
            try (LockHandle ignored = first.acquire(LockKey.thresholds())) {
                held.countDown();
                done.await();
            }
            return null;
        });
        held.await();

        assertThatThrownBy(() -> second.acquire(LockKey.thresholds())).isInstanceOfSatisfying(GovflowException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.LOCK_TIMEOUT));

        done.countDown();
        holder.get();
        second.acquire(LockKey.thresholds()).close();
    }

    @Test
    void locksMustBeTakenInTheDocumentedOrder() {
        LockManager locks = manager(SHORT);

        try (LockHandle a = locks.acquire(LockKey.agent("a1"));
                LockHandle b = locks.acquire(LockKey.agent("b2"));
                LockHandle s = locks.acquire(LockKey.session("s1"));
                LockHandle k = locks.acquire(LockKey.knowledgeGraph());
                LockHandle c = locks.acquire(LockKey.contextManifest("a1"));
                LockHandle t = locks.acquire(LockKey.thresholds());
                LockHandle m = locks.acquire(LockKey.metadata());
                LockHandle again = locks.acquire(LockKey.agent("a1"))) {
            assertThat(locks.isHeldByCurrentThread(LockKey.metadata())).isTrue();
        }
        try (LockHandle m = locks.acquire(LockKey.metadata())) {
            assertThatThrownBy(() -> locks.acquire(LockKey.agent("a1"))).isInstanceOf(IllegalStateException.class);
        }
        try (LockHandle b = locks.acquire(LockKey.agent("b2"))) {
            assertThatThrownBy(() -> locks.acquire(LockKey.agent("a1"))).isInstanceOf(IllegalStateException.class);
        }
        assertThat(locks.isHeldByCurrentThread(LockKey.agent("a1"))).isFalse();
        locks.acquire(LockKey.agent("a1")).close();
    }

    @Test
    void onlyTheHoldingThreadCanRelease() throws Exception {
        LockManager locks = manager(SHORT);
        LockHandle handle = locks.acquire(LockKey.agent("a1"));

        assertThatThrownBy(() -> other.submit(handle::close).get()).hasCauseInstanceOf(IllegalStateException.class);

        handle.close();
        handle.close();
        other.submit(() -> locks.acquire(LockKey.agent("a1")).close()).get();
    }

    @Test
    void noLockFileIsCreatedByReadsOrConstruction() {
        manager(SHORT);

        assertThat(root).isEmptyDirectory();
        assertThat(Files.exists(root.resolve(".metadata.lock"))).isFalse();
    }

    private LockManager manager(Duration timeout) {
        return new LockManager(new DataDirectory(root), timeout, RETRY, recorder);
    }
}
