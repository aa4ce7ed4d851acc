package io.govflow.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Test helpers: the reference fixtures (copied, never used in place) and directory listings. */
public final class TestFiles {

    private TestFiles() {
    }

    /**
     * The repository's copy of the reference fixtures ({@code src/test/resources/fixtures}, on the test class
     * path). Fails, never skips, when it is missing: fixture tests must not pass silently.
     */
    public static Path fixturesDir() {
        URL marker = TestFiles.class.getResource("/fixtures/README.md");
        if (marker == null) {
            throw new IllegalStateException("fixtures/README.md not found on the test class path");
        }
        try {
            return Path.of(marker.toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("fixtures are not a directory on the test class path", e);
        }
    }

    /** A fresh copy of the fixture {@code name} inside {@code target}. */
    public static Path copyFixture(String name, Path target) {
        return copyFixtureAs(name, target.resolve(name));
    }

    /** A fresh copy of the fixture {@code name} as the directory {@code copy}. */
    public static Path copyFixtureAs(String name, Path copy) {
        Path source = fixturesDir().resolve(name);
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
