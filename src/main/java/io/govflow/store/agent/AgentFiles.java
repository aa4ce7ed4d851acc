package io.govflow.store.agent;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import io.govflow.store.io.DataDirectory;
import io.govflow.store.io.SafeIds;
import io.govflow.store.io.StorageErrors;

/**
 * Which agents have which files, from directory listings only (nothing is opened): state files and update logs in
 * {@code agents/}, and legacy state files {@code {data}/{id}_state.json} left by older reference versions. Names
 * whose id is not file-safe are ignored, as are symbolic links and the reference's {@code calibration_state.json}.
 */
public final class AgentFiles {

    private static final String STATE_SUFFIX = "_state.json";
    private static final String LOG_SUFFIX = "_updates.jsonl";
    /** Reference files in the data directory's root that end like a state file but are not one. */
    private static final Set<String> NOT_AGENTS = Set.of("calibration");

    private final DataDirectory dataDirectory;

    public AgentFiles(DataDirectory dataDirectory) {
        this.dataDirectory = dataDirectory;
    }

    public SortedSet<String> stateFileIds() {
        return idsIn(dataDirectory.agentsDir(), STATE_SUFFIX);
    }

    public SortedSet<String> updateLogIds() {
        return idsIn(dataDirectory.agentsDir(), LOG_SUFFIX);
    }

    public SortedSet<String> legacyStateFileIds() {
        SortedSet<String> ids = new TreeSet<>(idsIn(dataDirectory.root(), STATE_SUFFIX));
        ids.removeAll(NOT_AGENTS);
        return Collections.unmodifiableSortedSet(ids);
    }

    public boolean hasStateFile(String agentId) {
        return Files.exists(dataDirectory.stateFile(agentId));
    }

    public boolean hasUpdateLog(String agentId) {
        return Files.exists(dataDirectory.updateLog(agentId));
    }

    /** A state file left at {@code {data}/{id}_state.json} by an older reference version. */
    public boolean hasLegacyStateFile(String agentId) {
        return Files.exists(dataDirectory.legacyStateFile(agentId));
    }

    private static SortedSet<String> idsIn(Path dir, String suffix) {
        SortedSet<String> ids = new TreeSet<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, "*" + suffix)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                String id = name.substring(0, name.length() - suffix.length());
                if (!name.startsWith(".") && SafeIds.isFileSafe(id)
                        && Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)) {
                    ids.add(id);
                }
            }
        } catch (NoSuchFileException | NotDirectoryException e) {
            return Collections.emptySortedSet();
        } catch (IOException e) {
            throw StorageErrors.readFailed("directory", dir, e);
        }
        return Collections.unmodifiableSortedSet(ids);
    }
}
