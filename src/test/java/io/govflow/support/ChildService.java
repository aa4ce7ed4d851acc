package io.govflow.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.govflow.GovflowApplication;

/**
 * The real service as a child JVM started from the test classpath: killable with SIGKILL, restartable on the
 * same data directory. Its output goes to a log file beside the data directory.
 */
public final class ChildService implements AutoCloseable {

    private final Path dataDir;
    private final Path logFile;
    private final List<String> extraArgs;
    private final int port;
    private Process process;

    public ChildService(Path dataDir, Path logFile, String... extraArgs) {
        this.dataDir = dataDir;
        this.logFile = logFile;
        this.extraArgs = List.of(extraArgs);
        this.port = freePort();
    }

    public ChildService start() {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"),
                GovflowApplication.class.getName(),
                "--server.port=" + port, "--server.address=127.0.0.1",
                "--govflow.data-dir=" + dataDir, "--spring.main.banner-mode=off"));
        command.addAll(UnlimitedRates.except(extraArgs));
        command.addAll(extraArgs);
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitReady(Duration.ofSeconds(90));
        return this;
    }

    public ApiClient client() {
        return new ApiClient("http://127.0.0.1:" + port);
    }

    /** SIGKILL: no shutdown hooks, no flushing, exactly like a crash of the process. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * SIGTERM and wait for the exit: a graceful shutdown, which drains requests and writes every checkpoint, so the
     * files hold the invariant of {@link StoreInvariants#assertHold()} afterwards.
     */
    public void stop() {
        process.destroy();
        try {
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                throw new IllegalStateException("child service did not stop in time; see " + logFile.getFileName());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public long pid() {
        return process.pid();
    }

    private void awaitReady(Duration timeout) {
        ApiClient client = client();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("child service exited with " + process.exitValue() + "; see "
                        + logFile.getFileName());
            }
            try {
                if (client.get("/actuator/health", null).status() == 200) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // not listening yet
            }
            sleep(100);
        }
        throw new IllegalStateException("child service not ready in time");
    }

    /** Stops the child (SIGKILL) if it still runs, then scans its log for credentials ({@link SecretLedger}). */
    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            kill();
        }
        SecretLedger.assertAbsentIn(logFile);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
