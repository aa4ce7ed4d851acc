package io.govflow.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * A small tmpfs mounted by the test (CI runs as root), for real ENOSPC and EROFS. Where mounting is impossible
 * (no root, no mount permission) the test is skipped with the reason, except in CI ({@code CI=true}) or with
 * {@code GOVFLOW_REQUIRE_MOUNTS=true}, where it fails: there the fault tests must run.
 */
public final class TmpfsMount implements AutoCloseable {

    private final Path dir;
    private boolean mounted;

    private TmpfsMount(Path dir) {
        this.dir = dir;
    }

    /** Mounts a tmpfs of {@code size} (e.g. {@code 2m}) on {@code dir} (created if needed). */
    public static TmpfsMount mount(Path dir, String size) {
        TmpfsMount mount = new TmpfsMount(dir);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create mount point", e);
        }
        Result result = run("mount", "-t", "tmpfs", "-o", "size=" + size + ",mode=0700", "tmpfs", dir.toString());
        if (result.code() != 0) {
            String reason = "cannot mount a tmpfs (needs root or CAP_SYS_ADMIN): exit " + result.code() + ", "
                    + result.output().strip();
            if (required()) {
                throw new AssertionError(reason + " — required here (CI=true or GOVFLOW_REQUIRE_MOUNTS=true)");
            }
            Assumptions.abort("SKIPPED, " + reason);
        }
        mount.mounted = true;
        return mount;
    }

    public Path dir() {
        return dir;
    }

    /** {@code mount -o remount,ro|rw}: the file system turns read-only (or writable again) under the service. */
    public void remount(boolean readOnly) {
        Result result = run("mount", "-o", "remount," + (readOnly ? "ro" : "rw"), dir.toString());
        if (result.code() != 0) {
            throw new IllegalStateException("remount failed: " + result.output());
        }
    }

    /** Unmounts (lazily if still busy); safe to call twice. */
    @Override
    public void close() {
        if (!mounted) {
            return;
        }
        if (run("umount", dir.toString()).code() != 0) {
            run("umount", "-l", dir.toString());
        }
        mounted = false;
    }

    private static boolean required() {
        return "true".equalsIgnoreCase(System.getenv("CI"))
                || "true".equalsIgnoreCase(System.getenv("GOVFLOW_REQUIRE_MOUNTS"));
    }

    private record Result(int code, String output) {
    }

    private static Result run(String... command) {
        List<String> args = new ArrayList<>(List.of(command));
        try {
            Process process = new ProcessBuilder(args).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Result(-1, "timed out");
            }
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            return new Result(-1, "cannot run " + command[0] + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted");
        }
    }
}
