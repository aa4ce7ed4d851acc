package io.govflow.store.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.govflow.store.io.AtomicJsonWriter;
import io.govflow.store.io.DataDirectory;
import io.govflow.store.io.Directories;
import io.govflow.store.io.FileFormatException;
import io.govflow.store.io.LogText;
import io.govflow.store.io.NoFollow;
import io.govflow.store.io.StoreHealth;

/**
 * State files: {@code agents/{id}_state.json}, and the legacy {@code {data}/{id}_state.json} of older reference
 * versions. A file that cannot be read or parsed is {@code STATE_CORRUPT}, never "no state". Writes and the
 * legacy move must happen under the agent's lock.
 */
public final class StateFileRepository implements StateStore {

    private static final Logger LOG = LoggerFactory.getLogger(StateFileRepository.class);
    private static final String FILE = "state";

    private final DataDirectory dataDirectory;
    private final AtomicJsonWriter writer;
    private final StateFileCodec codec;
    private final StoreHealth health;

    public StateFileRepository(DataDirectory dataDirectory, AtomicJsonWriter writer, StateFileCodec codec,
            StoreHealth health) {
        this.dataDirectory = dataDirectory;
        this.writer = writer;
        this.codec = codec;
        this.health = health;
    }

    /** The agent's state file; empty when there is none (the legacy location is not consulted). */
    @Override
    public Optional<StateFile> read(String agentId) {
        return readAt(agentId, dataDirectory.stateFile(agentId));
    }

    /** The legacy state file {@code {data}/{id}_state.json}, if present. */
    /**
     * The state file's {@code update_count} from the start of the file (start-up compares it with the log without
     * parsing every history); empty when there is no file or the count cannot be read that way.
     */
    @Override
    public OptionalLong peekUpdateCount(String agentId) {
        Path path = dataDirectory.stateFile(agentId);
        try {
            return codec.peekUpdateCount(NoFollow.readAllBytes(path));
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    @Override
    public Optional<StateFile> readLegacy(String agentId) {
        return readAt(agentId, dataDirectory.legacyStateFile(agentId));
    }

    /** Replaces the state file atomically and durably. Call under the agent lock. */
    @Override
    public void write(String agentId, StateFile state) {
        writer.write(dataDirectory.stateFile(agentId), codec.format(state));
    }

    /**
     * Moves a legacy state file into {@code agents/} when no state file is there yet. Call under the agent lock.
     * Returns false when there was nothing to move or the move failed (the legacy file then stays in place).
     */
    @Override
    public boolean migrateLegacy(String agentId) {
        Path legacy = dataDirectory.legacyStateFile(agentId);
        Path target = dataDirectory.stateFile(agentId);
        if (!Files.isRegularFile(legacy) || Files.exists(target)) {
            return false;
        }
        health.checkNotReadOnly();
        Path agentsDir = Objects.requireNonNull(target.getParent());
        try {
            Directories.createMissing(agentsDir);
            Files.move(legacy, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("Could not move legacy state file of agent {} into agents/: {}", LogText.safe(agentId),
                    LogText.safe(e));
            return false;
        }
        dataDirectory.syncDirectory(agentsDir);
        dataDirectory.syncDirectory(dataDirectory.root());
        LOG.info("Moved legacy state file of agent {} into agents/", LogText.safe(agentId));
        return true;
    }

    /** Deletes the state file and a legacy one durably (admin purge). Call under the agent lock. */
    @Override
    public boolean delete(String agentId) {
        boolean current = dataDirectory.deleteDurably(dataDirectory.stateFile(agentId));
        boolean legacy = dataDirectory.deleteDurably(dataDirectory.legacyStateFile(agentId));
        return current || legacy;
    }

    private Optional<StateFile> readAt(String agentId, Path path) {
        byte[] content;
        try {
            content = NoFollow.readAllBytes(path);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw AgentFileErrors.stateCorrupt(agentId, FILE, path, e);
        }
        try {
            return Optional.of(codec.parse(content));
        } catch (FileFormatException e) {
            throw AgentFileErrors.stateCorrupt(agentId, FILE, path, e);
        }
    }
}
