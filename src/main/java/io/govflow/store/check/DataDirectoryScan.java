package io.govflow.store.check;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Stream;

import io.govflow.store.agent.AgentFiles;
import io.govflow.store.io.DataDirectory;
import io.govflow.store.io.LockFiles;
import io.govflow.store.io.LockKey;

/**
 * What files the data directory holds per agent (state files, update logs and legacy state files as
 * {@link AgentFiles} lists them, agent lock files as {@link LockFiles} does), plus leftover temp files. Read-only;
 * never opens a lock file.
 */
public final class DataDirectoryScan {

    private static final int MAX_DEPTH = 4;

    private final SortedSet<String> stateFiles;
    private final SortedSet<String> logs;
    private final SortedSet<String> legacyStateFiles;
    private final SortedSet<String> lockFiles = new TreeSet<>();
    private final List<String> tempFiles = new ArrayList<>();

    private DataDirectoryScan(AgentFiles agentFiles) {
        stateFiles = agentFiles.stateFileIds();
        logs = agentFiles.updateLogIds();
        legacyStateFiles = agentFiles.legacyStateFileIds();
    }

    public static DataDirectoryScan of(DataDirectory dataDirectory) {
        DataDirectoryScan scan = new DataDirectoryScan(new AgentFiles(dataDirectory));
        new LockFiles(dataDirectory).list().stream().map(LockFiles.Found::key).filter(Objects::nonNull)
                .filter(key -> key.kind() == LockKey.Kind.AGENT).map(LockKey::id).filter(Objects::nonNull)
                .forEach(scan.lockFiles::add);
        scan.findTempFiles(dataDirectory);
        return scan;
    }

    /** Agent ids with a state file in {@code agents/}. */
    public SortedSet<String> stateFiles() {
        return stateFiles;
    }

    /** Agent ids with an update log. */
    public SortedSet<String> logs() {
        return logs;
    }

    /** Agent ids with a lock file. */
    public SortedSet<String> lockFiles() {
        return lockFiles;
    }

    /** Agent ids with a state file at the data directory's top level (older reference layout). */
    public SortedSet<String> legacyStateFiles() {
        return legacyStateFiles;
    }

    /** Temp files ({@code .name.tmp-…}), relative to the data directory. */
    public List<String> tempFiles() {
        return tempFiles;
    }

    private void findTempFiles(DataDirectory dataDirectory) {
        Path root = dataDirectory.root();
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root, MAX_DEPTH)) {
            paths.filter(p -> p.getFileName().toString().contains(".tmp-"))
                    .filter(p -> !p.startsWith(dataDirectory.quarantineDir()))
                    .forEach(p -> tempFiles.add(dataDirectory.relative(p)));
        } catch (IOException | UncheckedIOException e) {
            // a directory removed while walking: the next check sees the rest
        }
    }
}
