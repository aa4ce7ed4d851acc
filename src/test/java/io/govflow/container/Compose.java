package io.govflow.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The local compose CLI on the project's compose.yaml, as an operator runs it: {@code docker compose} (v2)
 * when present, else {@code docker-compose} (v1, what Debian packages). Never pulls.
 */
final class Compose {

    record Result(int exitCode, String output) {
    }

    private final List<String> command;
    private final Path composeFile;
    private final Path emptyEnvFile;
    private final String project;
    private final Map<String, String> variables;
    private final List<String> profiles;

    /**
     * @param variables values for the ${...} in compose.yaml; the project's own .env is not read, so a
     *                  developer's local settings cannot change what the test sees
     */
    Compose(String project, Map<String, String> variables) throws IOException {
        this(project, variables, List.of());
    }

    /** @param profiles the compose profiles every command enables ({@code --profile}) */
    Compose(String project, Map<String, String> variables, List<String> profiles) throws IOException {
        this.command = detectCommand();
        this.composeFile = GovflowImage.projectDir().resolve("compose.yaml");
        this.emptyEnvFile = Files.createTempFile("govflow-it-compose", ".env");
        this.project = project;
        this.variables = Map.copyOf(variables);
        this.profiles = List.copyOf(profiles);
    }

    Result run(Duration timeout, String... args) {
        List<String> line = new ArrayList<>(command);
        line.addAll(List.of("--env-file", emptyEnvFile.toString(), "-p", project, "-f", composeFile.toString()));
        profiles.forEach(profile -> line.addAll(List.of("--profile", profile)));
        line.addAll(List.of(args));
        try {
            Path output = Files.createTempFile("govflow-it-compose", ".log");
            try {
                ProcessBuilder builder = new ProcessBuilder(line)
                        .directory(GovflowImage.projectDir().toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(output.toFile());
                builder.environment().putAll(variables);
                Process process = builder.start();
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly().waitFor();
                    return new Result(-1, "timed out after " + timeout + ": " + line + "\n"
                            + Files.readString(output, StandardCharsets.UTF_8));
                }
                return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            return new Result(-1, "could not run " + line + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted: " + line);
        }
    }

    Result runOrFail(Duration timeout, String... args) {
        Result result = run(timeout, args);
        assertThat(result.exitCode()).as("%s %s:%n%s", command, String.join(" ", args), result.output()).isZero();
        return result;
    }

    /** Id of the (single) container of {@code service}. */
    String containerId(String service) {
        String output = runOrFail(Duration.ofMinutes(1), "ps", "-q", service).output();
        List<String> ids = output.lines().map(String::strip).filter(l -> l.matches("[0-9a-f]{12,64}")).toList();
        assertThat(ids).as("container of %s in:%n%s", service, output).hasSize(1);
        return ids.get(0);
    }

    void deleteTempFiles() throws IOException {
        Files.deleteIfExists(emptyEnvFile);
    }

    String describe() {
        return String.join(" ", command);
    }

    private static List<String> detectCommand() {
        for (List<String> candidate : List.of(List.of("docker", "compose"), List.of("docker-compose"))) {
            List<String> version = new ArrayList<>(candidate);
            version.add("version");
            try {
                Process process = new ProcessBuilder(version).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0) {
                    return candidate;
                }
                process.destroyForcibly();
            } catch (IOException e) {
                // not installed: try the next one
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new IllegalStateException("neither `docker compose` nor `docker-compose` is installed");
    }
}
