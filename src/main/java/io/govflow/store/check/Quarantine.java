package io.govflow.store.check;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import io.govflow.store.io.DataDirectory;
import io.govflow.store.io.StorageErrors;
import io.govflow.store.io.StoreHealth;
import io.govflow.store.io.Timestamps;

/**
 * Moves a damaged file aside into {@code quarantine/} (never deletes it): an atomic rename within the data
 * directory, made durable in both directories. Call under the lock that guards the file.
 */
public final class Quarantine {

    private final DataDirectory dataDirectory;
    private final StoreHealth health;
    private final Clock clock;

    public Quarantine(DataDirectory dataDirectory, StoreHealth health, Clock clock) {
        this.dataDirectory = dataDirectory;
        this.health = health;
        this.clock = clock;
    }

    /** @return the file's new path */
    public Path moveAside(Path file, String label) {
        health.checkNotReadOnly();
        Path dir = dataDirectory.quarantineDir();
        dataDirectory.ensureDirectory(dir);
        Path target = dir.resolve(file.getFileName() + "." + label + "-" + Timestamps.fileStamp(clock) + "-"
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()));
        try {
            Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw StorageErrors.writeFailed("moving a damaged file to quarantine", file, e);
        }
        sync(dir);
        sync(Objects.requireNonNull(file.getParent()));
        return target;
    }

    /** The files now in {@code quarantine/}; empty when it does not exist or cannot be listed. */
    public Set<Path> contents() {
        Path dir = dataDirectory.quarantineDir();
        if (!Files.isDirectory(dir)) {
            return Set.of();
        }
        try (Stream<Path> paths = Files.list(dir)) {
            return Set.copyOf(paths.toList());
        } catch (IOException e) {
            return Set.of();
        }
    }

    private void sync(Path dir) {
        dataDirectory.syncDirectory(dir);
    }
}
