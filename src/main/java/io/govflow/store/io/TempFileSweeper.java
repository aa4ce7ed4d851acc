package io.govflow.store.io;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes temp files left by writers that died ({@code .{name}.tmp-{pid}-{random}}). A temp file is removed only
 * when its writer is provably gone: its pid is not alive here <em>and</em> the file is older than the maximum
 * age. The age matters because pids do not cross pid namespaces: an instance in another container sharing the
 * data directory has pids this one cannot see, and its in-flight temp files look orphaned. A young orphan that
 * stays is harmless: nothing reads temp files, and a later start-up removes it once it is old.
 */
public final class TempFileSweeper {

    private static final Logger LOG = LoggerFactory.getLogger(TempFileSweeper.class);
    private static final Pattern TEMP_NAME = Pattern.compile("\\..+\\.tmp-(\\d{1,19})-[0-9A-Za-z]+");
    private static final int MAX_DEPTH = 8;

    private final DataDirectory dataDirectory;
    private final Duration maxAge;
    private final Clock clock;

    /** A sweeper that removes orphaned temp files older than {@code maxAge} ({@code govflow.store.temp-max-age}). */
    public TempFileSweeper(DataDirectory dataDirectory, Duration maxAge, Clock clock) {
        if (maxAge.isNegative()) {
            throw new IllegalArgumentException("temp-max-age must not be negative");
        }
        this.dataDirectory = dataDirectory;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    /** Sweeps the data directory; returns how many temp files were removed. */
    public int sweep() {
        Path root = dataDirectory.root();
        if (!Files.isDirectory(root)) {
            return 0;
        }
        Visitor visitor = new Visitor(clock.instant().minus(maxAge));
        try {
            Files.walkFileTree(root, EnumSet.noneOf(FileVisitOption.class), MAX_DEPTH, visitor);
        } catch (IOException e) {
            LOG.warn("Temp-file sweep stopped early: {}", LogText.safe(e));
        }
        if (visitor.removed > 0) {
            LOG.info("Removed {} temp file(s) left by stopped writers", visitor.removed);
        }
        if (visitor.tooYoung > 0) {
            LOG.info("Left {} temp file(s) of writers not alive here, younger than {}: a writer in another pid "
                    + "namespace may still use them", visitor.tooYoung, maxAge);
        }
        return visitor.removed;
    }

    /** The writer's pid encoded in a temp-file name, if the name is one of ours. */
    static OptionalLong pidOf(String fileName) {
        Matcher m = TEMP_NAME.matcher(fileName);
        if (!m.matches()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(m.group(1)));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private static boolean writerIsDead(long pid) {
        return ProcessHandle.of(pid).isEmpty();
    }

    private static final class Visitor extends SimpleFileVisitor<Path> {
        private final Instant oldEnough;
        int removed;
        int tooYoung;

        Visitor(Instant oldEnough) {
            this.oldEnough = oldEnough;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            if (!attrs.isRegularFile()) {
                return FileVisitResult.CONTINUE;
            }
            OptionalLong pid = pidOf(file.getFileName().toString());
            if (pid.isEmpty() || !writerIsDead(pid.getAsLong())) {
                return FileVisitResult.CONTINUE;
            }
            if (attrs.lastModifiedTime().toInstant().isAfter(oldEnough)) {
                tooYoung++;
            } else {
                delete(file);
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
            if (!(e instanceof NoSuchFileException)) {
                LOG.warn("Temp-file sweep skipped {}: {}", LogText.safe(file), LogText.safe(e));
            }
            return FileVisitResult.CONTINUE;
        }

        private void delete(Path file) {
            try {
                if (Files.deleteIfExists(file)) {
                    removed++;
                }
            } catch (IOException e) {
                LOG.warn("Could not remove temp file {}: {}", LogText.safe(file), LogText.safe(e));
            }
        }
    }
}
