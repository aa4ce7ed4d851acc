package io.govflow.flow.maintenance;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import io.govflow.config.GovflowProperties;
import io.govflow.store.agent.MetadataStore;
import io.govflow.store.io.LockFiles;
import io.govflow.store.io.LockHandle;
import io.govflow.store.io.LockKey;
import io.govflow.store.io.LockManager;
import io.govflow.store.io.StoreHealth;
import io.govflow.store.io.Timestamps;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Reports lock files (held or not, age, orphan or not) and removes orphans. A lock file is only removed by its
 * holder: the lock is taken with a non-blocking try (a held lock is never waited for and never removed), the
 * orphan check is repeated under it, the file is unlinked, then the lock is released. A process that had the old
 * file open finds it replaced once it gets the lock, and retries on a new file. Lock files of data that exists
 * (and the global ones) are never removed. On PostgreSQL there are no lock files: both answer
 * {@code FILE_STORE_ONLY}.
 */
@Service
public class LockMaintenance {

    private final LockFiles lockFiles;
    private final LockManager locks;
    private final MetadataStore metadata;
    private final StoreHealth storeHealth;
    private final Clock clock;
    private final StoreKind storeKind;

    public LockMaintenance(LockFiles lockFiles, LockManager locks, MetadataStore metadata,
            StoreHealth storeHealth, Clock clock, GovflowProperties properties) {
        this.storeKind = StoreKind.of(properties);
        this.lockFiles = lockFiles;
        this.locks = locks;
        this.metadata = metadata;
        this.storeHealth = storeHealth;
        this.clock = clock;
    }

    /** Every lock file; each is probed with a non-blocking try, so nothing is removed and nobody waits. */
    public LockReport list() {
        storeKind.requireDataDirectory();
        return run(Mode.LIST);
    }

    /** Removes orphan lock files nobody holds; with {@code dryRun} only says which it would remove. */
    public LockReport cleanup(boolean dryRun) {
        storeKind.requireDataDirectory();
        if (!dryRun) {
            storeHealth.checkWritable();
        }
        return run(dryRun ? Mode.DRY_RUN : Mode.REMOVE);
    }

    private LockReport run(Mode mode) {
        List<LockFileStatus> out = new ArrayList<>();
        for (LockFiles.Found found : lockFiles.list()) {
            boolean orphan = isOrphan(found);
            boolean remove = orphan && mode == Mode.REMOVE;
            Outcome outcome = found.foreign() ? foreign(found, remove) : own(found, remove);
            @Nullable String action = switch (mode) {
                case LIST -> null;
                case DRY_RUN -> orphan && !outcome.held() ? LockFileStatus.WOULD_REMOVE : LockFileStatus.KEPT;
                case REMOVE -> outcome.removed() ? LockFileStatus.REMOVED : LockFileStatus.KEPT;
            };
            long age = Math.max(0, Duration.between(found.modified(), clock.instant()).toSeconds());
            LockKey key = found.key();
            out.add(new LockFileStatus(found.relativePath(), kind(found), key == null ? null : key.id(),
                    outcome.held(), orphan, age, action));
        }
        return new LockReport(mode == Mode.DRY_RUN, Timestamps.now(clock), out);
    }

    private Outcome foreign(LockFiles.Found found, boolean remove) {
        if (remove) {
            boolean removed = lockFiles.deleteForeignIfFree(found);
            return new Outcome(!removed, removed);
        }
        return new Outcome(!lockFiles.foreignFree(found), false);
    }

    private Outcome own(LockFiles.Found found, boolean remove) {
        LockKey key = Objects.requireNonNull(found.key());
        Optional<LockHandle> handle = locks.tryAcquireExisting(key);
        if (handle.isEmpty()) {
            return new Outcome(true, false);
        }
        try (LockHandle held = handle.get()) {
            if (remove && isOrphan(found)) {
                locks.deleteHeldLockFile(held);
                return new Outcome(false, true);
            }
            return new Outcome(false, false);
        }
    }

    private boolean isOrphan(LockFiles.Found found) {
        LockKey key = found.key();
        if (key == null) {
            return true;
        }
        if (lockFiles.protectsFiles(key)) {
            return false;
        }
        return switch (key.kind()) {
            case AGENT, CONTEXT_MANIFEST -> metadata.find(Objects.requireNonNull(key.id())).isEmpty();
            default -> true;
        };
    }

    private static String kind(LockFiles.Found found) {
        return found.key() == null ? "foreign" : found.key().kind().name().toLowerCase(Locale.ROOT);
    }

    private enum Mode {
        LIST, DRY_RUN, REMOVE
    }

    /** Whether the lock was held when probed, and whether its file was removed. */
    private record Outcome(boolean held, boolean removed) {
    }
}
