package io.govflow.store.check;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.govflow.store.agent.AgentFiles;
import io.govflow.store.io.DataDirectory;
import io.govflow.store.io.SafeIds;
import io.govflow.store.io.StorageErrors;

/**
 * What files the data directory holds per agent (state files, update logs and legacy state files as
 * {@link AgentFiles} lists them, lock files), plus leftover temp files. Read-only; never opens a lock file.
 */
public final class DataDirectoryScan {

    private static final Pattern LOCK = Pattern.compile("\\.(.+)_state\\.lock");
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
        for (String name : names(dataDirectory.agentsDir())) {
            scan.match(LOCK, name, scan.lockFiles);
        }
        scan.findTempFiles(dataDirectory.root());
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

    private void match(Pattern pattern, String name, SortedSet<String> into) {
        Matcher m = pattern.matcher(name);
        if (m.matches() && SafeIds.isFileSafe(m.group(1))) {
            into.add(m.group(1));
        }
    }

    private void findTempFiles(Path root) {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root, MAX_DEPTH)) {
            paths.filter(p -> p.getFileName().toString().contains(".tmp-"))
                    .filter(p -> !p.startsWith(root.resolve("quarantine")))
                    .forEach(p -> tempFiles.add(root.relativize(p).toString().replace('\\', '/')));
        } catch (IOException | java.io.UncheckedIOException e) {
            // a directory removed while walking: the next check sees the rest
        }
    }

    private static List<String> names(Path dir) {
        List<String> names = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return names;
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            for (Path path : stream) {
                if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                    names.add(path.getFileName().toString());
                }
            }
        } catch (IOException e) {
            throw StorageErrors.readFailed("directory listing", dir, e);
        }
        return names;
    }
}
