package io.govflow.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;

/** What every scenario shares: sizes, the jar, the scratch directory, the results, the profiling switch. */
final class BenchContext {

    private final Sizes sizes;
    private final Path jar;
    private final Path work;
    private final Path resultsDir;
    private final Results results;
    private final boolean profile;
    private final String adminToken;

    BenchContext(Sizes sizes, Path jar, Path work, Path resultsDir, Results results, boolean profile) {
        this.sizes = sizes;
        this.jar = jar;
        this.work = work;
        this.resultsDir = resultsDir;
        this.results = results;
        this.profile = profile;
        byte[] token = new byte[24];
        new SecureRandom().nextBytes(token);
        this.adminToken = "bench-" + HexFormat.of().formatHex(token);
    }

    Sizes sizes() {
        return sizes;
    }

    Results results() {
        return results;
    }

    boolean profile() {
        return profile;
    }

    /** The service's jar, also run for its commands (migrate-store). */
    Path jar() {
        return jar;
    }

    Path work() {
        return work;
    }

    Path resultsDir() {
        return resultsDir;
    }

    /** A new, empty data directory under the scratch directory. */
    Path dataDir(String name) {
        Path dir = work.resolve(name).resolve("data");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    /** A service on {@code dataDir}, its output in {@code <name>.log} beside the data directory. */
    Service service(String name, Path dataDir, List<String> jvmOptions, List<String> properties) {
        return new Service(jar, dataDir, dataDir.resolveSibling(name + ".log"), adminToken, jvmOptions,
                properties);
    }
}
