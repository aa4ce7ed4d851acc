package io.govflow.store.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.govflow.error.GovflowException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lock that this JVM's threads keep busy all the time (each handing it straight to the next) is still taken by
 * another process that polls it, within that process's deadline: no starvation across JVMs.
 */
class LockFairnessTest {

    @TempDir
    Path root;

    @Test
    void aPollingProcessGetsALockThisJvmKeepsBusy() throws Exception {
        LockManager locks = new LockManager(new DataDirectory(root), Duration.ofSeconds(5), Duration.ofMillis(100));
        LockKey key = LockKey.agent("busy_agent");
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService holders = Executors.newFixedThreadPool(4);
        for (int t = 0; t < 4; t++) {
            holders.submit(() -> {
                while (!stop.get()) {
                    try (LockHandle ignored = locks.acquire(key)) {
                        Thread.sleep(50);
                    } catch (GovflowException e) {
                        // a holder timing out is not what this test is about; keep the lock busy
                    }
                }
                return null;
            });
        }
        Process child = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                PollingLockMain.class.getName(), root.toString(), "busy_agent", "5000", "100"))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            assertThat(line(out)).isEqualTo("READY");

            assertThat(line(out)).isEqualTo("LOCKED");
        } finally {
            stop.set(true);
            holders.shutdown();
            assertThat(holders.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** The child's next line that is one of its answers (its logging goes to stdout too). */
    private static String line(BufferedReader out) throws Exception {
        return CompletableFuture.supplyAsync(() -> {
            try {
                String line = out.readLine();
                while (line != null && !List.of("READY", "LOCKED", "TIMEOUT").contains(line)) {
                    line = out.readLine();
                }
                return line;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).get(60, TimeUnit.SECONDS);
    }
}
