package io.govflow.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

/**
 * The built jar as a child process on loopback, on one data directory: started and timed to readiness, stopped
 * gracefully (SIGTERM) and timed to exit, or killed (SIGKILL). It may be started again on the same directory.
 */
final class Service {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(600);

    private final Path jar;
    private final Path dataDir;
    private final Path logFile;
    private final String adminToken;
    private final List<String> jvmOptions;
    private final List<String> properties;
    private final int port = freePort();
    private @Nullable Process process;
    private double[] startCores = { Double.NaN, Double.NaN, Double.NaN };

    Service(Path jar, Path dataDir, Path logFile, String adminToken, List<String> jvmOptions,
            List<String> properties) {
        this.jar = jar;
        this.dataDir = dataDir;
        this.logFile = logFile;
        this.adminToken = adminToken;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.properties = List.copyOf(properties);
    }

    int port() {
        return port;
    }

    Path dataDir() {
        return dataDir;
    }

    String adminToken() {
        return adminToken;
    }

    ProcessHandle handle() {
        return process().toHandle();
    }

    /** Starts the process and returns the seconds until readiness answers UP; fails if it exits or never does. */
    double start() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-XX:+ExitOnOutOfMemoryError");
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port, "--server.address=127.0.0.1",
                "--govflow.data-dir=" + dataDir, "--govflow.governance.loop-detection=false"));
        // the benchmark measures the service, not its rate limits
        command.addAll(io.govflow.support.UnlimitedRates.except(properties));
        command.addAll(properties);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        // From the environment rather than the command line, where every local user could read it.
        builder.environment().put("GOVFLOW_SECURITY_ADMIN_TOKEN", adminToken);
        long begin = System.nanoTime();
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CpuMeter cpu = CpuMeter.start(process().toHandle());
        awaitReady();
        startCores = cpu.cores();
        return (System.nanoTime() - begin) / 1e9;
    }

    /** CPU while the last start ran: {service, driver, other processes} in cores. */
    double[] startCores() {
        return startCores.clone();
    }

    /** SIGTERM, then the seconds until the process has exited (graceful shutdown, checkpoints flushed). */
    double stop() {
        long begin = System.nanoTime();
        process().destroy();
        waitForExit(Duration.ofSeconds(120));
        return (System.nanoTime() - begin) / 1e9;
    }

    /** SIGKILL: no shutdown hook, no flush, as in a crash. */
    void kill() {
        process().destroyForcibly();
        waitForExit(Duration.ofSeconds(60));
    }

    boolean alive() {
        Process p = process;
        return p != null && p.isAlive();
    }

    /** The last lines of the service's output, for a failure message. */
    String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private Process process() {
        Process p = process;
        if (p == null) {
            throw new IllegalStateException("the service was never started");
        }
        return p;
    }

    private void awaitReady() {
        Process p = process();
        byte[] probe = HttpConnection.request("GET", "/actuator/health/readiness", port, null, null);
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IllegalStateException("the service exited with status " + p.exitValue()
                        + " before it was ready; its last output:\n" + logTail(40));
            }
            try (HttpConnection connection = new HttpConnection(port)) {
                HttpReply reply = connection.exchange(probe);
                if (reply.status() == 200 && reply.text().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // the port opens late in the start-up
            }
            Sleep.millis(20);
        }
        throw new IllegalStateException("the service was not ready within " + READY_TIMEOUT.toSeconds()
                + " s; its last output:\n" + logTail(40));
    }

    private void waitForExit(Duration timeout) {
        Process p = process();
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("the service did not exit within " + timeout.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
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
