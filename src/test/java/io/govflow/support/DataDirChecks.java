package io.govflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import tools.jackson.databind.json.JsonMapper;

/** Whole-directory checks after a fault or a crash: every JSON file parses, no temp file is left. */
public final class DataDirChecks {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private DataDirChecks() {
    }

    /**
     * Every {@code .json} file outside {@code quarantine/} parses as one JSON document; update logs are checked
     * line by line by {@link StoreInvariants}.
     */
    public static void assertJsonFilesParse(Path root) {
        for (Path file : files(root)) {
            String name = file.getFileName().toString();
            if (!name.endsWith(".json") || root.relativize(file).startsWith("quarantine")) {
                continue;
            }
            try {
                JSON.readTree(Files.readAllBytes(file));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (RuntimeException e) {
                throw new AssertionError(root.relativize(file) + " does not parse: " + e.getMessage(), e);
            }
        }
    }

    public static List<Path> tempFiles(Path root) {
        return files(root).stream().filter(p -> p.getFileName().toString().contains(".tmp-")).toList();
    }

    public static void assertNoTempFiles(Path root) {
        assertThat(tempFiles(root)).as("temp files left under the data directory").isEmpty();
    }

    private static List<Path> files(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
