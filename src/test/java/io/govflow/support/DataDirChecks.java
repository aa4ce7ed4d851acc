package io.govflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import tools.jackson.databind.json.JsonMapper;

/** Whole-directory checks after a fault or a crash: every JSON file parses, no temp file is left. */
public final class DataDirChecks {

    /** The default {@code govflow.store.temp-max-age}: younger orphans stay after start-up. */
    public static final Duration TEMP_MAX_AGE = Duration.ofMinutes(15);
    private static final Pattern TEMP_NAME = Pattern.compile("\\..+\\.tmp-(\\d{1,19})-.+");

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

    /**
     * What start-up leaves after a crash or a power cut: no temp file, except orphans the sweep must keep because
     * their writer is not provably gone: their pid is not alive here but they are younger than the temp-file
     * maximum age (a writer in another pid namespace could still own them). Nothing reads such a file, and a
     * later start-up removes it once it is old. A temp file of a live process (the running service) is a leak.
     */
    public static void assertNoTempFilesExceptYoungOrphans(Path root) {
        Instant oldEnough = Instant.now().minus(TEMP_MAX_AGE);
        for (Path temp : tempFiles(root)) {
            String name = root.relativize(temp).toString();
            Matcher m = TEMP_NAME.matcher(temp.getFileName().toString());
            assertThat(m.matches()).as("temp file %s carries its writer's pid", name).isTrue();
            assertThat(ProcessHandle.of(Long.parseLong(m.group(1)))).as("writer of %s is not alive", name).isEmpty();
            try {
                assertThat(Files.getLastModifiedTime(temp).toInstant()).as("%s is younger than %s", name,
                        TEMP_MAX_AGE).isAfter(oldEnough);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static List<Path> files(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
