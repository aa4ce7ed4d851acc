package io.govflow.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Test helpers: the shared fixtures (copied, never used in place) and directory listings. */
public final class TestFiles {

    private TestFiles() {
    }

    /**
     * The {@code shared/} directory beside the project ({@code govflow.shared.dir}, default {@code ../shared}).
     * Fails, never skips, when it is missing: fixture tests must not pass silently.
     */
    public static Path sharedDir() {
        Path dir = Path.of(System.getProperty("govflow.shared.dir", "../shared")).toAbsolutePath().normalize();
        if (!Files.isDirectory(dir.resolve("fixtures"))) {
            throw new IllegalStateException("shared fixtures not found at " + dir
                    + " (set -Dgovflow.shared.dir to the shared/ directory)");
        }
        return dir;
    }

    /** A fresh copy of {@code shared/fixtures/{name}} inside {@code target}. */
    public static Path copyFixture(String name, Path target) {
        Path source = sharedDir().resolve("fixtures").resolve(name);
        Path copy = target.resolve(name);
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path destination = copy.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(destination);
                } else {
                    Files.copy(file, destination);
                }
            }
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every regular file under {@code dir}, as paths relative to it, sorted. */
    public static List<String> filesUnder(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
